"""The print edition: each edition as one PDF, printed by Chromium from a single-page build.

Jupyter Book 1's own `--builder pdfhtml` does the same (Sphinx's singlehtml builder, then
Chromium through Playwright); this module does it with the Chromium the tests drive, with
a PDF outline and tagged text, and with what the casebook needs on paper. No TeX.

As a Sphinx extension (listed in _config.yml) it shapes the single page, for the
singlehtml builder only:

- the pages that only work on screen (My answers, the class aggregation notebook) are
  left out;
- a title page (the edition, and the date the case is "as reported") and a list of
  contents come first;
- each page of the book prints under its own running title: a named CSS page per page
  of the book, whose top margin box holds its title (Chromium has no `string-set`);
- every page's saved widget state is in the single page, so that the widgets run there
  and print as forms (myst-nb only adds the root page's state to a single-page build).

`print_pdf` then opens the single page in Chromium and prints it; casebook.build calls it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

# Pages that only work on screen: nothing of them would make sense on paper.
SCREEN_ONLY = ("my-answers", "instructor/class-aggregation")
# The date of the report the case is built on, and how far the epilogue follows it (as the
# intro and the epilogue chapter say).
AS_REPORTED = "17 February 2026"
EPILOGUE_THROUGH = "September 2026"
EDITION_NAMES = {"student": "Student edition", "instructor": "Instructor edition"}
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def pdf_name(chosen: str, epilogue: bool = True) -> str:
    """The file name of an edition's PDF, in the built site and wherever it is handed out."""
    return f"supplier-limits-{chosen}{'' if epilogue else '-no-epilogue'}.pdf"


def pdf_description(chosen: str, epilogue: bool = True) -> str:
    """What the site's link to an edition's PDF says."""
    if chosen == "instructor":
        return "The instructor's edition as a PDF: the case with model answers, the teaching note and the role sheets"
    return f"The case as a PDF, for students{'' if epilogue else ' (without the epilogue)'}"


def copy_html_handlers(app: Sphinx) -> None:
    """Let singlehtml render every node the html builder renders.

    Sphinx uses a builder's own translation handlers instead of its format's once any
    extension registers one for it (sphinx-exercise does, for singlehtml), so the nodes
    myst-nb registers for html alone would have none and the build would fail."""
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    for node, visitors in handlers.get("html", {}).items():
        handlers.setdefault("singlehtml", {}).setdefault(node, visitors)


def no_mathjax(app: Sphinx, env) -> None:
    """No MathJax on the single page: the book has no math, and MathJax would come from a CDN.

    Jupyter Book's build function makes singlehtml load it on every page whatever the
    page holds, by setting Sphinx's assets policy to "always"; this runs after it did."""
    if app.builder.name == "singlehtml":
        app.registry.html_assets_policy = "per_page"


def shape_print_document(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Leave out the screen-only pages, and mark each page's top section for its running title.

    singlehtml resolves the whole book, every page inlined as a start_of_file node, as its
    root page: that is when this runs."""
    if app.builder.name != "singlehtml" or docname != app.config.root_doc:
        return
    printed = []
    for part in list(doctree.findall(addnodes.start_of_file)):
        if part["docname"] in SCREEN_ONLY:
            wrapper = part.parent
            wrapper.remove(part)
            # A part of the book left empty (My answers is all of "Your work") would print a blank page.
            if not wrapper.children and wrapper.parent is not None:
                wrapper.parent.remove(wrapper)
            continue
        section = next(part.findall(nodes.section), None)
        if section is not None:
            printed.append((part["docname"], section["ids"][0]))
            section["classes"].append(f"cb-print-page-{len(printed)}")
    root = next(doctree.findall(nodes.section), None)
    if root is not None:
        root["classes"].append("cb-print-page-0")
    app.env.casebook_printed = printed


def css_string(text: str) -> str:
    """Text as a CSS string, safe inside a <style> element."""
    return '"' + re.sub(r'[\\"<>\n]', lambda match: f"\\{ord(match.group()):x} ", text) + '"'


def front_matter(app: Sphinx, printed: list[tuple[str, str]]) -> str:
    """The title page, the contents and the running titles, as HTML for the top of the page."""
    env, config = app.env, app.config
    chosen, epilogue = config.casebook_edition, config.casebook_epilogue
    title = html.escape(config.html_title or config.project)
    reported = f"The case as reported on {AS_REPORTED}" + (
        f", with an epilogue as reported through {EPILOGUE_THROUGH}" if epilogue else ""
    )
    titles = {name: env.titles[name].astext() for name in [config.root_doc, *(name for name, _ in printed)]}
    contents = "".join(
        f'<li><a href="#{html.escape(anchor)}">{html.escape(titles[name])}</a></li>' for name, anchor in printed
    )
    # One named page per page of the book: Chromium prints a page's margin boxes from its @page rule.
    pages = [f".cb-print-page-0 {{ page: cb-page-0; }} @page cb-page-0 {{ @top-center {{ content: {css_string(titles[config.root_doc])}; }} }}"]
    pages += [
        f".cb-print-page-{index} {{ page: cb-page-{index}; }} @page cb-page-{index} {{ @top-center {{ content: {css_string(titles[name])}; }} }}"
        for index, (name, _) in enumerate(printed, start=1)
    ]
    return f"""<style>{' '.join(pages)}</style>
<section class="cb-title-page" aria-label="Title page">
<p class="cb-title">{title}</p>
<p class="cb-edition">{html.escape(EDITION_NAMES[chosen])}{'' if epilogue else ', without the epilogue'}</p>
<p class="cb-reported">{html.escape(reported)}</p>
<p class="cb-authors">{html.escape(config.author or '')}</p>
</section>
<nav class="cb-contents" aria-label="Contents"><p class="cb-contents-title">Contents</p><ol>{contents}</ol></nav>
"""


def single_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The single page: front matter first, and every page's widget state, merged into one."""
    if app.builder.name != "singlehtml" or pagename != app.config.root_doc or "body" not in context:
        return
    from myst_nb.sphinx_ import NbMetadataCollector  # the Sphinx extension's own record of each page's scripts

    printed = getattr(app.env, "casebook_printed", [])
    context["body"] = front_matter(app, printed) + context["body"]
    merged, host = {}, []
    for name in [app.config.root_doc, *(name for name, _ in printed)]:
        for uri, attributes in NbMetadataCollector.get_js_files(app.env, name).values():
            if attributes.get("type") == WIDGET_STATE:
                saved = json.loads(attributes["body"])
                merged = {**saved, "state": {**merged.get("state", {}), **saved["state"]}}
            elif uri and (uri, attributes) not in host:
                host.append((uri, attributes))
    # myst-nb adds the root page's own scripts, and only those; the root page (the intro) has
    # no widget, so the merged state and the host are added here. Were it to have one, the
    # other widgets would not start and print_pdf would say so.
    if merged and not NbMetadataCollector.get_js_files(app.env, app.config.root_doc):
        # `</` never appears in JSON outside a string; escaped, as myst-nb does, it cannot end the script.
        app.add_js_file(None, type=WIDGET_STATE, body=json.dumps(merged).replace("</", "<\\/"))
        for uri, attributes in host:
            app.add_js_file(uri, **attributes)


# ------------------------------------------------------------------ the links on the site


class print_edition_links(nodes.General, nodes.Element):
    """Where the intro links this edition's PDFs (the ``{print-edition}`` directive)."""


class PrintEditionDirective(SphinxDirective):
    """The links to the edition's PDFs, in the site's intro.

    Written when the pages are written, from ``casebook_pdfs`` (which casebook.build sets
    when it has printed the PDFs into the site): a site built without them (`make book`)
    links none rather than a file it does not have. Nothing on paper."""

    def run(self):
        return [print_edition_links()]


def visit_print_edition_links(self, node) -> None:
    pdfs = self.builder.config.casebook_pdfs if self.builder.name == "html" else []
    if pdfs:
        links = [
            f'<li><a href="{html.escape(name)}">{html.escape(description)}</a> ({html.escape(name)})</li>'
            for name, description in pdfs
        ]
        self.body.append(f'<div class="cb-print-edition"><p>To print, or to read offline, as a PDF:</p><ul>{"".join(links)}</ul></div>')
    raise nodes.SkipNode


# ------------------------------------------------------------------ printing


def print_pdf(page: Path, pdf: Path) -> None:
    """Print the single page (an HTML file) to ``pdf`` in Chromium, from disk: nothing leaves
    the machine (a request that tries to fails the print), and the widgets must all start."""
    from playwright.sync_api import sync_playwright

    from casebook.chromium import chromium

    pdf.parent.mkdir(parents=True, exist_ok=True)
    refused: list[str] = []

    def only_files(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium(playwright))
        try:
            context = browser.new_context()
            context.route("**/*", only_files)
            tab = context.new_page()
            tab.goto(page.resolve().as_uri())
            # Every widget view has been replaced by a widget that is ready, or by the host's note.
            tab.wait_for_function(
                """() => document.querySelectorAll('.cb-widget[data-ready="true"], .cb-host-note').length
                    >= document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length""",
                timeout=60000,
            )
            notes = tab.locator(".cb-host-note").all_inner_texts()
            if notes:
                raise RuntimeError(f"a widget did not start in {page}: {notes[0]}")
            tab.evaluate("document.fonts.ready")
            # Chromium fires beforeprint here, as when a reader prints: the widgets draw their forms.
            tab.pdf(path=str(pdf), outline=True, tagged=True, prefer_css_page_size=True, print_background=False)
        finally:
            browser.close()
    if refused:
        raise RuntimeError(f"printing {page} tried to load from outside the machine: {refused}")


def setup(app: Sphinx) -> dict:
    # Set by casebook.build to the PDFs it put into the site, as (file name, link text) pairs;
    # "html": a change rewrites the pages, and reads nothing again.
    app.add_config_value("casebook_pdfs", [], "html")
    app.add_node(print_edition_links, html=(visit_print_edition_links, None), singlehtml=(visit_print_edition_links, None))
    app.add_directive("print-edition", PrintEditionDirective)
    app.connect("builder-inited", copy_html_handlers)
    app.connect("env-updated", no_mathjax)
    app.connect("doctree-resolved", shape_print_document)
    app.connect("html-page-context", single_page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
