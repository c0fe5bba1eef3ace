"""Valid, accessible markup where the extensions we use write otherwise (connected by
casebook.sphinx_ext; each found by the Nu HTML Checker or a screen-reader check):

- myst-nb's hidden-code toggle put its two labels in `<p>`s inside `<summary>` (invalid) and
  named the toggle "Toggle hidden content", unlike the "Show code cell source" it shows
  (WCAG 2.5.3, label in name). Here the labels are `<span>`s and the toggle's name is what it shows.
- sphinx-exercise gives every exercise's body the same id, `exercise-content`; here each
  gets its exercise's id with `-content`, so ids are unique on the page.
- A widget draws itself after the page has shown, and pushed what follows it down (a
  layout shift). Each widget's place is marked with its kind (`cb-widget-slot`), so that
  site.css can reserve its room before it draws.
- pandas writes a DataFrame a notebook shows (the exercise pages' tables) with a
  `<style scoped>` block before it, which HTML no longer allows, header cells without
  `scope` and an empty header cell in the corner. Here the block goes (site.css keeps its
  two rules), each header cell says what it heads, and the corner is a data cell, as in the
  book's own tables (casebook.display).
- Every widget's saved state carries the whole front-end module (`_esm`) and stylesheet
  (`_css`): on an exercise page with five written answers, five copies. Here a page keeps
  the first copy, and each later widget with the same text says `{"same_as": model id}`,
  which casebook-host.js resolves.
"""

from __future__ import annotations

import json
import re
from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from casebook.table_headers import scoped_headers

# pandas' HTML for a DataFrame in a notebook (DataFrame._repr_html_): the style block, and the table.
DATAFRAME_STYLE = re.compile(r"<style scoped>.*?</style>\s*(?=<table[^>]*class=\"dataframe\")", re.S)
DATAFRAME = re.compile(r"<table[^>]*class=\"dataframe\".*?</table>", re.S)
VIEW = re.compile(r'<script type="application/vnd.jupyter.widget-view\+json">(.*?)</script>', re.S)
STATE_TYPE = "application/vnd.jupyter.widget-state+json"


def visit_hidden_code(self, node) -> None:
    """myst-nb's HideCodeCellNode, with labels a <summary> may hold and an accessible name that is its text."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}</span>\n')
    self.body.append("</summary>\n")


def depart_hidden_code(self, node) -> None:
    self.body.append("</details>\n")


def unique_exercise_ids(app: Sphinx, doctree, docname) -> None:
    for section in doctree.findall(nodes.section):
        if "exercise-content" in section["ids"]:
            exercise = section.parent.get("ids") or []
            section["ids"] = [f"{exercise[0]}-content"] if exercise else []


def accessible_dataframes(app: Sphinx, doctree, docname) -> None:
    """Every DataFrame a notebook's output shows, without its style block, its headers scoped."""
    for raw in doctree.findall(nodes.raw):
        text = raw.astext()
        if "html" in raw.get("format", "").split() and 'class="dataframe"' in text:
            text = DATAFRAME.sub(lambda table: scoped_headers(table.group(0)), DATAFRAME_STYLE.sub("", text))
            raw.children = []
            raw += nodes.Text(text)


def saved_state(context):
    """The page's script of saved widget state and its parsed content, or None without widgets."""
    for script in context.get("script_files", []):
        if script.attributes.get("type") == STATE_TYPE and script.attributes.get("body"):
            return script, json.loads(script.attributes["body"])
    return None


SHARED = ("_esm", "_css")


def share_widget_modules(models: dict[str, dict]) -> None:
    """One copy of each widget module and stylesheet text among the page's saved models."""
    first: dict[tuple[str, str], str] = {}  # (trait, text) -> the model that holds it
    for model_id, model in models.items():
        for name in SHARED:
            text = model["state"].get(name)
            if isinstance(text, str):
                model["state"][name] = {"same_as": first[(name, text)]} if (name, text) in first else text
                first.setdefault((name, text), model_id)


def arrange_widgets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """A page's widgets, from its saved state read once: one copy of their module, and each
    in a slot that names its kind."""
    found = saved_state(context)
    if found is None:
        return
    script, document = found
    models = {model_id: model for model_id, model in document.get("state", {}).items() if model.get("model_module") == "anywidget"}
    share_widget_modules(models)
    # As myst-nb writes it: `</` escaped, so that no text in the state can end the script.
    script.attributes["body"] = json.dumps(document).replace("</", "<\\/")
    mark_widget_slots(models, context)


def mark_widget_slots(models: dict[str, dict], context) -> None:
    """Wrap each widget view in a slot that names the widget's kind, for site.css to size."""
    if "body" not in context:
        return
    kinds = {model_id: model["state"].get("kind", "") for model_id, model in models.items()}

    def slot(view: re.Match) -> str:
        kind = kinds.get(json.loads(view.group(1)).get("model_id"), "")
        return f'<div class="cb-widget-slot" data-kind="{escape(kind)}">{view.group(0)}</div>'

    context["body"] = VIEW.sub(slot, context["body"])


def setup(app: Sphinx) -> None:
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_code, depart_hidden_code))
    app.connect("doctree-resolved", unique_exercise_ids)
    app.connect("doctree-resolved", accessible_dataframes)
    app.connect("html-page-context", arrange_widgets)
