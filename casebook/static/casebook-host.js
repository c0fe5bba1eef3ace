// The static site's widget host: runs the anywidgets saved in a page, with no kernel.
//
// myst-nb saves each page's widget state in a <script type="application/vnd.jupyter.widget-state+json">
// and puts a <script type="application/vnd.jupyter.widget-view+json"> where each widget
// was displayed. This script (loaded only on pages with widgets, via nb_ipywidgets_js)
// imports each anywidget's front-end module (its `_esm`) and runs it with a small model
// offering get, set, on, off, save_changes and send, as the anywidget front-end
// contract describes, adding a third argument, `host` ({static: true, siteId, page}): the
// README's "The render contract" says what a module may expect. Other widget views get a
// note that they need a live notebook.
//
// It is a classic script, not a module, so that it also runs on pages opened
// straight from disk (file://), where browsers refuse module scripts.
(function () {
  "use strict";

  const SITE_ID = (document.currentScript && document.currentScript.dataset.siteId) || "casebook";
  const STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  const VIEW_TYPE = "application/vnd.jupyter.widget-view+json";

  /** A model over one widget's saved state. Without a kernel, save_changes and send do nothing. */
  function createModel(state) {
    const listeners = new Map();
    return {
      get: (name) => state[name],
      set(name, value) {
        state[name] = value;
        for (const callback of listeners.get(`change:${name}`) || []) callback(value);
      },
      on(event, callback) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(callback);
      },
      off(event, callback) {
        if (!event) listeners.clear();
        else if (!callback) listeners.delete(event);
        else if (listeners.has(event)) listeners.get(event).delete(callback);
      },
      save_changes() {},
      send() {},
    };
  }

  function note(element, text) {
    const paragraph = document.createElement("p");
    paragraph.className = "cb-host-note";
    paragraph.textContent = text;
    element.replaceChildren(paragraph);
  }

  const injectedStyles = new Set();
  function injectStyle(css) {
    if (!css || injectedStyles.has(css)) return;
    injectedStyles.add(css);
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
  }

  // Widgets of one book share one module text: import it once.
  const modules = new Map();
  function importModule(esm) {
    if (!modules.has(esm)) {
      const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
      modules.set(esm, import(url));
    }
    return modules.get(esm);
  }

  // A page keeps one copy of a module or stylesheet text that several widgets share; the
  // others point to the widget that holds it ({"same_as": model id}; casebook/markup.py).
  function shared(saved, state, name) {
    const value = state[name];
    return value && typeof value === "object" ? saved[value.same_as].state[name] : value;
  }

  async function mount(element, entry, saved) {
    const state = entry.state;
    injectStyle(shared(saved, state, "_css"));
    const module = await importModule(shared(saved, state, "_esm"));
    let widget = module.default;
    if (typeof widget === "function") widget = await widget();
    const model = createModel(state);
    const host = { static: true, siteId: SITE_ID, page: location.pathname };
    if (widget.initialize) await widget.initialize({ model, host });
    await widget.render({ model, el: element, host });
  }

  async function mountAll() {
    const stateScript = document.querySelector(`script[type="${STATE_TYPE}"]`);
    const saved = stateScript ? JSON.parse(stateScript.textContent).state : {};
    for (const view of document.querySelectorAll(`script[type="${VIEW_TYPE}"]`)) {
      const element = document.createElement("div");
      view.after(element);
      const entry = saved[JSON.parse(view.textContent).model_id];
      if (!entry) {
        note(element, "This interactive element was not saved with the page; it works when the notebook runs live in Jupyter.");
      } else if (entry.model_module !== "anywidget") {
        note(element, "This interactive element works when the notebook runs live in Jupyter.");
      } else {
        try {
          await mount(element, entry, saved);
        } catch (error) {
          console.error("casebook widget host:", error);
          note(
            element,
            location.protocol === "file:"
              ? "This exercise cannot start in a page opened straight from disk, because the browser blocks it. " +
                  "View the book through a web server instead: in the book's folder run `make serve`, then open http://127.0.0.1:8000."
              : `This exercise could not start (${error.message}). Try reloading the page.`,
          );
        }
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
