"""The chapters follow the casebook's rules: one shape for every chapter, every citation
in sources.bib, and every quotation word for word in its source."""

import re

import pytest

from casebook import data
from support import REPO
from test_sources import ARTICLE, BACKGROUND, needs_article, normalised

CHAPTERS = sorted(REPO.glob("chapters/*.md"))
PAGES = CHAPTERS + [REPO / "intro.md"]
CITATION = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")
FENCED = re.compile(r"```.*?```", re.S)  # code cells, exercises, solutions, admonitions' fences
INLINE_CODE = re.compile(r"`[^`\n]*`")
QUOTE = re.compile(r'"([^"\n]{3,}?)"')


def prose(path) -> str:
    """A page's running text: no front matter, code cells, exercises or solutions."""
    text = path.read_text(encoding="utf-8").split("---", 2)[-1] if path.read_text().startswith("---") else path.read_text()
    return FENCED.sub(lambda block: block.group(0) if block.group(0).startswith("```{admonition}") else "", text)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_has_the_casebook_shape(path):
    text = path.read_text(encoding="utf-8")
    slug = path.stem.split("-", 1)[1]
    assert text.startswith("---\njupytext:"), "a MyST notebook with a jupytext header"
    assert f"({slug})=" in text, "the label is the file name without its number"
    assert "**What you will learn**" in text
    assert "## Questions for discussion" in text
    assert re.search(r"```\{exercise\}\n:label: " + re.escape(slug) + r"-ex1", text)


def test_the_toc_lists_every_chapter_in_order():
    toc = (REPO / "_toc.yml").read_text()
    listed = re.findall(r"file: (chapters/\S+)", toc)
    assert listed == [f"chapters/{path.stem}" for path in CHAPTERS]


def test_every_cited_key_is_in_sources_bib():
    keys = set(data.load_sources().index)
    cited = {key.strip() for path in PAGES for group in CITATION.findall(path.read_text()) for key in group.split(",")}
    assert cited and cited <= keys, f"unknown citation keys: {cited - keys}"


def quotations() -> list[tuple[str, str]]:
    found = []
    for path in PAGES:
        for quote in QUOTE.findall(INLINE_CODE.sub("", CITATION.sub("", prose(path)))):
            found.append((path.name, quote))
    return found


@needs_article
@pytest.mark.parametrize("page, quote", quotations(), ids=lambda v: str(v)[:40])
def test_quotation_in_the_chapters_is_word_for_word_in_a_source(page, quote):
    sources = normalised(ARTICLE.read_text(encoding="utf-8")) + " " + normalised(BACKGROUND.read_text(encoding="utf-8"))
    assert normalised(quote) in sources, f"{page}: {quote!r} is not in the article or the background sources"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_dollar_sign_would_turn_prose_into_math(path):
    assert "$" not in prose(path)
