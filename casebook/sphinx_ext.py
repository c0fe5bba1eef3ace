"""Sphinx tweaks for the casebook's site, loaded as an extension from _config.yml.

0. Editions. The student edition (the default) has no model answers anywhere in its
output: sphinx-exercise's hide_solutions drops every solution while the pages are
read, so neither the HTML nor the search index holds one, and the page sources are
neither copied into _sources/ nor offered for download. The instructor edition
(CASEBOOK_EDITION=instructor, `make instructor`) shows them, and adds the Sphinx tag
`instructor` for content marked `{only} instructor`.

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
"""

import html
import os
import shutil
from pathlib import Path

from sphinx.application import Sphinx

EDITIONS = ("student", "instructor")


def edition() -> str:
    chosen = os.environ.get("CASEBOOK_EDITION", "student")
    if chosen not in EDITIONS:
        raise ValueError(f"CASEBOOK_EDITION must be one of {EDITIONS}, not {chosen!r}")
    return chosen


def configure_edition(app: Sphinx, config) -> None:
    instructor = edition() == "instructor"
    config.hide_solutions = not instructor
    config.html_copy_source = instructor
    config.html_theme_options = {**config.html_theme_options, "use_download_button": instructor}
    if instructor:
        app.tags.add("instructor")


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
    if edition() == "student":
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
    Path(app.outdir, "index.html").write_text(
        f"""<!DOCTYPE html>
<html lang="{html.escape(app.config.language or 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Refresh" content="0; url={first_page}">
<title>{title}</title>
{icon}
</head>
<body><p><a href="{first_page}">{title}</a></p></body>
</html>
""",
        encoding="utf-8",
    )


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", configure_edition)
    app.connect("config-inited", remove_thebe)
    app.connect("builder-inited", remove_stale_sources)
    app.connect("html-page-context", mark_citations_as_list_items)
    # Before sphinx-external-toc's handler (priority 500), which keeps an existing index.html.
    app.connect("build-finished", write_index_redirect, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
