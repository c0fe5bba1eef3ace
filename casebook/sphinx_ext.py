"""Sphinx tweaks for the casebook's site, loaded as an extension from _config.yml.

1. Jupyter Book 1.x always loads sphinx-thebe, which this book does not use (its
widgets run without a kernel). Its scripts declare THEBE_JS_URL twice on every page,
an error in the browser console, and add weight to every page. This extension
switches sphinx-thebe off: it disconnects its event handlers before they add
anything, and drops its stylesheet.

2. Docutils marks a bibliography as role="list" but its entries as
role="doc-biblioentry", which is not a list item: axe-core reports the list as
broken for screen readers (aria-required-children, critical). The entries are
marked as list items instead.
"""

from sphinx.application import Sphinx


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


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", remove_thebe)
    app.connect("html-page-context", mark_citations_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
