"""Sphinx tweaks for the casebook's site, loaded as an extension from _config.yml.

0. Editions (casebook.edition; casebook.build sets them). The student edition (the
default) has no model answers anywhere in its output: sphinx-exercise's hide_solutions
drops every solution while the pages are read (and this extension the rest of a gated
solution, solution-start to solution-end, code cells included), so neither the HTML
nor the search index holds one, and the page sources are neither copied into _sources/ nor offered
for download. The instructor edition (CASEBOOK_EDITION=instructor, `make instructor`)
shows them, and adds the Sphinx tag `instructor` for content marked `{only} instructor`.
With the epilogue (the default) it adds the tag `epilogue`, for content marked
`{only} epilogue`. Without it (CASEBOOK_EPILOGUE=no), the bibliography leaves out the
sources marked `keywords = {epilogue}` in data/sources.bib, with a sphinxcontrib-bibtex filter.
The edition is also a config value, so that Sphinx reads every page again if one
folder is ever built as another edition.

Exercise pages (exercises/) link their hand-out notebooks, which casebook.build writes
into the site's notebooks/ folder (casebook.handouts): see link_notebooks.

1. Jupyter Book 1.x always loads sphinx-thebe, which this book does not use (its
widgets run without a kernel). Its scripts declare THEBE_JS_URL twice on every page,
an error in the browser console, and add weight to every page. This extension
switches sphinx-thebe off: it disconnects its event handlers before they add
anything, and drops its stylesheet.

2. Docutils marks a bibliography as role="list" but its entries as
role="doc-biblioentry", which is not a list item: axe-core reports the list as
broken for screen readers (aria-required-children, critical). The entries are
marked as list items instead.

3. The site's index.html only sends the browser on to the first page. The one
sphinx-external-toc writes is a bare refresh tag: no title or language for a screen
reader, no link where refreshes are off, and no icon, so browsers ask for
/favicon.ico and get a 404. This extension writes a small complete page first.

4. Fast on a phone (casebook.trim, benchmarks/README.md). The theme's scripts load late
(`defer`), so that the page shows before they run; only documentation_options.js, which
the inline scripts after it extend, stays in order. When the build is done, the theme's
stylesheets are trimmed to the rules the site uses, with the few icons it draws embedded,
and the figures get a palette.

5. Every page has a description for search engines and link previews (its overview's
first paragraph), and a chapter's title says which chapter it is.

6. Valid markup where myst-nb and sphinx-exercise write otherwise, and a reserved place
for each widget: casebook.markup.
"""

import ast
import html
import os
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from sphinx.transforms import SphinxTransform
from sphinx_exercise.directive import SolutionStartDirective
from sphinx_exercise.nodes import solution_end_node
from sphinxcontrib.bibtex.directives import BibliographyDirective

from casebook import edition, handouts, markup, trim


def configure_edition(app: Sphinx, config) -> None:
    config.casebook_edition = edition.edition()
    config.casebook_epilogue = edition.shows_epilogue()
    instructor = config.casebook_edition == "instructor"
    config.hide_solutions = not instructor
    config.html_copy_source = instructor
    config.html_theme_options = {**config.html_theme_options, "use_download_button": instructor}
    if instructor:
        app.tags.add("instructor")
    if config.casebook_epilogue:
        app.tags.add("epilogue")


class EditionBibliography(BibliographyDirective):
    """sphinxcontrib-bibtex's bibliography, less the later sources in an edition without the epilogue."""

    def _get_filter(self) -> ast.AST:
        chosen = super()._get_filter()  # from :all:, :cited:, :filter: ...
        if self.state.document.settings.env.config.casebook_epilogue:
            return chosen
        # The filter language's `%` is a regular-expression search in the entry's field.
        return ast.parse(f"({ast.unparse(chosen)}) and not keywords % 'epilogue'")


class hidden_solution(nodes.Element):
    """Where a gated solution (solution-start … solution-end) starts in the student edition."""


class EditionSolutionStart(SolutionStartDirective):
    """sphinx-exercise's solution-start. Its hide_solutions drops the directive alone,
    leaving what follows up to solution-end (text and code cells) on the page; in the
    student edition this marks the start, and DropHiddenSolutions drops the rest."""

    def run(self):
        shown = super().run()
        return shown if not self.env.app.config.hide_solutions else [hidden_solution()]


class DropHiddenSolutions(SphinxTransform):
    """Everything from a hidden gated solution's start to its solution-end, while the page is read."""

    default_priority = 9  # before sphinx-exercise merges gated solutions (10)

    def apply(self):
        for start in list(self.document.findall(hidden_solution)):
            parent = start.parent
            siblings = parent.children[parent.index(start):]
            end = next((index for index, node in enumerate(siblings) if isinstance(node, solution_end_node)), None)
            if end is None:
                raise ValueError(f"{self.env.docname}: a solution-start has no solution-end after it")
            for node in siblings[: end + 1]:
                parent.remove(node)


def link_notebooks(app: Sphinx, doctree) -> None:
    """On an exercise page, links to its hand-out notebooks (casebook.handouts, written by
    casebook.build into the site's notebooks/ folder): the student notebook and the zip of
    all of them, and in the instructor edition the instructor notebook too."""
    folder = app.config.casebook_notebooks
    docname = app.env.docname
    if not folder or not docname.startswith("exercises/"):
        return
    stem = docname.split("/", 1)[1]
    here = "../" * docname.count("/")

    def link(path: str, text: str) -> str:
        return f'<a href="{html.escape(here + folder + "/" + path)}" download>{text}</a>'

    offers = [link(f"student/{stem}.ipynb", "this page as a notebook")]
    if app.config.casebook_edition == "instructor":
        offers.append(link(f"instructor/{stem}.ipynb", "the instructor's notebook, with every model answer"))
    offers.append(link(handouts.ZIP_NAME, "the notebooks of every chapter (zip)"))
    paragraph = (
        '<p class="cb-downloads">Work on these exercises in Jupyter, where the checks run: download '
        + ", ".join(offers[:-1]) + " or " + offers[-1]
        + ". They need the <code>casebook</code> package, as installed on your course's JupyterHub.</p>"
    )
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        section.insert(1, nodes.raw("", paragraph, format="html"))


def remove_thebe(app: Sphinx, config) -> None:
    for event, listeners in app.events.listeners.items():
        for listener in list(listeners):
            if getattr(listener.handler, "__module__", "") == "sphinx_thebe":
                app.disconnect(listener.id)
    # The HTML builder copies this list when it starts, just after config-inited.
    app.registry.css_files = [(name, attributes) for name, attributes in app.registry.css_files if "thebe" not in name]


def mark_citations_as_list_items(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = context["body"].replace('class="citation" id=', 'class="citation" role="listitem" id=').replace(
            ' role="doc-biblioentry"', ""
        )


def remove_stale_sources(app: Sphinx) -> None:
    """A student build must not keep page sources that an earlier build copied into the output."""
    if app.config.casebook_edition == "student":
        shutil.rmtree(os.path.join(app.outdir, "_sources"), ignore_errors=True)


def write_index_redirect(app: Sphinx, exception) -> None:
    """index.html as a page that sends the browser on to the book's first page."""
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    first_page = html.escape(f"{app.config.root_doc}.html")
    title = html.escape(app.config.html_title)  # Jupyter Book sets it from _config.yml's title
    favicon = app.config.html_favicon  # a file, which Sphinx copies into _static/, or a URL
    if favicon and "://" not in favicon:
        favicon = f"_static/{Path(favicon).name}"
    icon = f'<link rel="icon" href="{html.escape(favicon)}">' if favicon else ""
    description = html.escape(overview(app.env.get_doctree(app.config.root_doc)) or title, quote=True)
    Path(app.outdir, "index.html").write_text(
        f"""<!DOCTYPE html>
<html lang="{html.escape(app.config.language or 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{description}">
<meta http-equiv="Refresh" content="0; url={first_page}">
<title>{title}</title>
{icon}
</head>
<body><p><a href="{first_page}">{title}</a></p></body>
</html>
""",
        encoding="utf-8",
    )


# Scripts that must run in order with the inline scripts around them.
IN_ORDER = {"documentation_options.js"}
CHAPTER = re.compile(r"chapters/(\d+)-")
# Pages Sphinx writes itself, which have no text of their own to describe them.
GENERATED = {"genindex": "The index of terms", "search": "Search the casebook"}
DESCRIPTION_LENGTH = 300  # characters; search engines show about 160, previews more


def defer_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Every script file loads with `defer`: it runs after the page is parsed, in order, before DOMContentLoaded.
    Not on the search page, whose template runs Sphinx's search scripts in order with them."""
    if "script_files" in context and pagename != "search":
        context["script_files"] = [
            script if not script.filename or Path(str(script.filename)).name.split("?")[0] in IN_ORDER
            or {"defer", "async"} & set(script.attributes)
            else _JavaScript(script.filename, priority=script.priority, **{**script.attributes, "defer": "defer"})
            for script in context["script_files"]
        ]


def overview(doctree) -> str:
    """The page's first paragraph under an "Overview" heading, else its first paragraph, as plain text."""
    sections = [s for s in doctree.findall(nodes.section) if s.children and s[0].astext().strip().lower() == "overview"]
    paragraph = next((sections[0] if sections else doctree).findall(nodes.paragraph), None)
    text = " ".join(paragraph.astext().split()) if paragraph else ""
    if len(text) > DESCRIPTION_LENGTH:
        text = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + " …"
    return text


def describe_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """A meta description from the page's overview, and the chapter's number in its title."""
    description = overview(doctree) if doctree is not None else ""
    description = description or f"{GENERATED.get(pagename, html.unescape(context.get('title', '')))}: {app.config.html_title}."
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(description)}" />'
    chapter = CHAPTER.match(pagename)
    if chapter and context.get("title"):
        context["title"] = f"Chapter {int(chapter.group(1))}: {context['title']}"


def trim_theme_assets(app: Sphinx, exception) -> None:
    """The theme's stylesheets in the output, trimmed to what the site uses (casebook.trim); ours are left alone."""
    if exception is not None or app.builder.name != "html":
        return
    ours = {path.name for folder in app.config.html_static_path for path in Path(app.confdir, folder).glob("*.css")}
    static = Path(app.outdir, "_static")
    trim.trim_site(Path(app.outdir), [path for path in sorted(static.rglob("*.css")) if path.name not in ours])
    trim.shrink_figures(Path(app.outdir))


def setup(app: Sphinx) -> dict:
    app.add_config_value("casebook_edition", "student", "env")
    app.add_config_value("casebook_epilogue", True, "env")
    app.add_config_value("casebook_notebooks", "", "env")  # set by casebook.build
    app.setup_extension("sphinxcontrib.bibtex")  # before its directive is replaced
    app.add_directive("bibliography", EditionBibliography, override=True)
    app.setup_extension("sphinx_exercise")  # likewise
    app.add_directive("solution-start", EditionSolutionStart, override=True)
    app.add_node(hidden_solution)
    app.add_transform(DropHiddenSolutions)
    app.connect("config-inited", configure_edition)
    app.connect("config-inited", remove_thebe)
    app.connect("builder-inited", remove_stale_sources)
    app.connect("doctree-read", link_notebooks)
    app.connect("html-page-context", mark_citations_as_list_items)
    # Last: after the handlers that add a page's scripts (myst-nb's, casebook.pdf's), since it
    # gives the page a list of its own, to which a script added later would not be added.
    app.connect("html-page-context", defer_scripts, priority=900)
    app.connect("html-page-context", describe_page)
    app.connect("build-finished", trim_theme_assets)
    markup.setup(app)
    # Before sphinx-external-toc's handler (priority 500), which keeps an existing index.html.
    app.connect("build-finished", write_index_redirect, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
