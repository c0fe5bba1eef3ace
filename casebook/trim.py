"""Trim the theme's stylesheets in a built site to what the site uses (run by
casebook.sphinx_ext when a build finishes, on the output only).

Measured with Lighthouse on a phone (benchmarks/README.md), most of a page's weight was
CSS and icon fonts it never used: pydata-sphinx-theme's stylesheet (0.4 MB, with
Bootstrap and a rule for each of Font Awesome's 1,900 icons) and three Font Awesome web
fonts (0.3 MB) for the dozen icons the theme draws.

- **Rules**: a rule is kept when every class and id its selector names (outside `:not()`,
  whose argument only narrows it) occurs somewhere in the site: in a page or in one of its
  scripts, which add classes as they run (Bootstrap's `show`, the theme's `scrolled`, the
  search page's results). That keeps more than it must, never less.
- **Icons**: the icon fonts are cut down to the glyphs the kept rules draw, and embedded in
  the stylesheet, so that no page asks for a font file.
- **Figures**: matplotlib writes full-colour PNGs; a chart has few colours, and with a
  palette of 256 (transparency kept) the file is about a third the size and looks the same.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import tinycss2
from fontTools import subset
from fontTools.ttLib import TTFont
from PIL import Image

# Scripts that name classes nothing on the site uses: Font Awesome's JavaScript (every
# icon's name; the site's layout leaves it out) and the search index (words of the text).
NOT_USAGE = ("fontawesome.js", "searchindex.js")
WORD = re.compile(r"-?[A-Za-z_][\w-]*")
# Classes and ids a selector requires, outside functional pseudo-classes such as :not().
REQUIRED = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
FUNCTIONS = re.compile(r":[\w-]+\((?:[^()]|\([^()]*\))*\)")
# Icon glyphs live in Unicode's Private Use Area.
ICON = re.compile(r"\\([eEfF][0-9a-fA-F]{3})\b|([\ue000-\uf8ff])")
FONT_URL = re.compile(r"url\(([^)]+\.ttf)\)")


def names_in_use(site: Path) -> set[str]:
    """Every word-like token in the site's pages and scripts: the classes and ids that may be in use."""
    names: set[str] = set()
    for file in [*site.rglob("*.html"), *site.rglob("*.js")]:
        if file.name not in NOT_USAGE:
            names.update(WORD.findall(file.read_text(encoding="utf-8", errors="replace")))
    return names


def needed(selector: str, names: set[str]) -> bool:
    return all(name in names for name in REQUIRED.findall(FUNCTIONS.sub("", selector)))


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...) and the like)."""
    parts, depth, current = [], 0, ""
    for character in prelude:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += character
    return [part.strip() for part in parts + [current] if part.strip()]


def trim_rules(rules: list, names: set[str]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in split_selectors(tinycss2.serialize(rule.prelude)) if needed(s, names)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports", "layer", "container"} and rule.content is not None:
            inner = trim_rules(tinycss2.parse_rule_list(rule.content), names)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type in {"at-rule", "comment"}:
            kept.append(tinycss2.serialize([rule]))  # @font-face, @keyframes, @import, licence comments
    return "\n".join(kept)


def trim_stylesheet(css: str, names: set[str]) -> str:
    """The stylesheet less the rules that need a class or id not in ``names``."""
    return trim_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True), names) + "\n"


def icons_drawn(css: str) -> set[int]:
    """The Private Use Area code points a stylesheet puts on screen (its icon glyphs)."""
    return {int(escaped, 16) if escaped else ord(literal) for escaped, literal in ICON.findall(css)}


def embed_icon_fonts(css: str, stylesheet: Path, glyphs: set[int]) -> str:
    """Each @font-face that loads a Font Awesome font as its glyphs ``glyphs``, embedded (a data: URL);
    the rule is dropped when the font has none of them."""

    def embedded(rule: re.Match) -> str:
        ttf = FONT_URL.search(rule.group(0))
        if not ttf:
            return rule.group(0)
        font = TTFont(stylesheet.parent / ttf.group(1).strip("'\""))
        wanted = glyphs & set(font.getBestCmap())
        if not wanted:
            return ""
        options = subset.Options()
        options.flavor = "woff"  # zlib-compressed; woff2 would need brotli
        options.layout_features = []
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.flavor = "woff"
        font.save(buffer)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        source = re.sub(r"src:[^;}]*", f'src:url(data:font/woff;base64,{data}) format("woff")', rule.group(0))
        return source

    return re.sub(r"@font-face\s*\{[^}]*\}", embedded, css)


def trim_site(site: Path, stylesheets: list[Path]) -> dict[str, tuple[int, int]]:
    """Trim each of ``stylesheets`` (files of the built ``site``) in place, and embed the icons
    they draw; returns each file's size before and after, in bytes."""
    names = names_in_use(site)
    trimmed = {path: trim_stylesheet(path.read_text(encoding="utf-8"), names) for path in stylesheets}
    glyphs = set().union(*(icons_drawn(css) for css in trimmed.values()))
    sizes = {}
    for path, css in trimmed.items():
        before = path.stat().st_size
        path.write_text(embed_icon_fonts(css, path, glyphs), encoding="utf-8")
        sizes[str(path.relative_to(site))] = (before, path.stat().st_size)
    return sizes


def shrink_figures(site: Path) -> None:
    """Every full-colour PNG in the site's _images/ saved with a palette of 256 colours, where that is smaller."""
    for path in sorted(site.glob("_images/*.png")):
        with Image.open(path) as image:
            if image.mode not in {"RGB", "RGBA"}:
                continue  # a palette already, or greyscale
            buffer = io.BytesIO()
            image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", optimize=True)
        if buffer.tell() < path.stat().st_size:
            path.write_bytes(buffer.getvalue())
