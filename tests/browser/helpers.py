"""What the browser tests share: the widget pages, hostile text, and small helpers that
act on a widget or read what the site saved (one module, so that no test file imports
another)."""

import json

from axe_playwright_python.sync_playwright import Axe

from casebook import answers, vocabulary
from support import REPO, read_yaml

CH2 = "chapters/02-reading-the-reporting.html"
CH5 = "chapters/05-two-analogies.html"
CH6 = "chapters/06-competing-viewpoints.html"
CH8 = "chapters/08-build-your-answer.html"
MY = "my-answers.html"
HOSTILE = "<img src=x onerror=\"document.body.dataset.pwned='yes'\"><script>document.body.dataset.pwned='yes'</script>"
# The site id that namespaces saved answers: the widget host's data-site-id in _config.yml.
SITE_ID = read_yaml(REPO / "_config.yml")["sphinx"]["config"]["nb_ipywidgets_js"]["casebook-host.js"]["data-site-id"]

# What a browser that refuses storage does (Chromium with cookies blocked): reading
# window.localStorage or window.sessionStorage throws. The properties stay
# configurable, as the browser's own are.
STORAGE_REFUSED = """
    for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
            configurable: true,
            get() { throw new DOMException('The user denied storage', 'SecurityError'); }
        });
    }
"""


def storage_key(key: str, version: int = answers.VERSION) -> str:
    """Where the site keeps the answer of the widget ``key`` in localStorage, by format version."""
    return f"casebook:{SITE_ID}:v{version}:answer:{key}"


def weigh(widget, argument_id, weight):
    """Click (with the mouse) the label of a weight for one argument."""
    argument = widget.locator(f"li.cb-argument[data-id='{argument_id}']")
    argument.get_by_text(f"{weight} {vocabulary.WEIGHTS[weight]}", exact=True).click()


def saved(page, key):
    """The answer the site saved for the widget ``key``, or None."""
    raw = page.evaluate("key => localStorage.getItem(key)", storage_key(key))
    return None if raw is None else json.loads(raw)


def stored(page) -> dict:
    """Everything the casebook keeps in this browser's localStorage."""
    return page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('casebook:')).map(k => [k, localStorage.getItem(k)]))"
    )


# ------------------------------------------------------------------ accessibility

SERIOUS = {"serious", "critical"}
# No stylesheet preload: axe-core 4.12 fetches an @import relative to the page instead
# of the stylesheet (dequelabs/axe-core#5268), a 404 here, and then checks
# css-orientation-lock against the error page. Without the preload that one rule cannot
# run at all: it is off until the fix is released.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


def axe_problems(page, axe=None) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, with where they are."""
    violations = (axe or Axe()).run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:3]}"
        for v in violations if v["impact"] in SERIOUS
    ]
