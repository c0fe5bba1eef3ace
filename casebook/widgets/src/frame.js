// The frame every answer-keeping widget shares: its title, its storage status, and
// the loop that restores the student's answer and saves each change.

import { KINDS } from "./constants.json";
import { clone, h } from "./dom.js";
import { now } from "./format.js";
import { AnswerStore, STORAGE_MESSAGES } from "./storage.js";

/**
 * The level of the widget's title: one below the heading of the section it sits in (h3 in a
 * chapter's h2 section, h2 straight under an exercise page's h1), so that a screen reader's
 * list of headings never skips a level. Live in Jupyter no section encloses it: h3.
 */
function titleLevel(el) {
  // Sections without a heading of their own (sphinx-exercise's exercise body) do not count.
  for (let section = el.closest("section"); section; section = section.parentElement.closest("section")) {
    const heading = section.querySelector(":scope > :is(h1, h2, h3, h4)");
    if (heading) return Number(heading.tagName[1]) + 1;
  }
  return 3;
}

/**
 * Mount a widget that keeps a student's answer: restore it (from the kernel live, from
 * localStorage on the static site), let the kind's module render it, and save every change.
 *
 * `kind` is the kind's module (src/kinds/<kind>.js). Its render({config, answer, commit,
 * body, isStatic, subheading}) draws the widget into `body` from the kernel's `config` and the
 * student's `answer`, calls commit(newAnswer) on every change, and may return a cleanup.
 * Its printForm({config, answer, subheading}) returns the widget as a form to fill in by hand
 * (src/print.js), the answer written in; the frame draws it when the browser is about to print.
 * `subheading` is the tag ("h4", say) for headings inside the widget, one below its title.
 */
export function mountAnswerWidget({ model, el, host }, kind) {
  const isStatic = Boolean(host && host.static);
  const kindId = model.get("kind");
  const key = model.get("key");
  const title = model.get("title") || KINDS[kindId];
  const status = h("p", { class: "cb-status", role: "status" });
  const body = h("div", { class: "cb-body" });
  // The kind's print form, with the student's answer written in: drawn when the browser is
  // about to print and emptied after, and on paper shown instead of the screen view
  // (casebook.css). Drawn only then, it never repeats the screen's text to a screen reader.
  const printed = kind.printForm ? h("div", { class: "cb-print" }) : "";
  const level = titleLevel(el);
  const subheading = `h${level + 1}`;
  el.replaceChildren(h(`h${level}`, { class: "cb-title" }, title), status, body, printed);
  const drawPrint = () => {
    printed.replaceChildren(...[kind.printForm({ config: model.get("config"), answer: clone(answer), subheading })].flat(Infinity));
    el.classList.add("cb-printing");
  };
  const clearPrint = () => {
    printed.replaceChildren();
    el.classList.remove("cb-printing");
  };
  if (printed) {
    window.addEventListener("beforeprint", drawPrint);
    window.addEventListener("afterprint", clearPrint);
  }

  const store = isStatic ? new AnswerStore(host.siteId) : null;
  let answer = clone(model.get("answer"));
  if (store) {
    const { entry, problem } = store.read(key);
    if (entry && entry.kind === kindId) answer = entry.state;
    showProblem(problem);
  }
  let lastSent = null;

  function showProblem(problem) {
    status.textContent = problem ? STORAGE_MESSAGES[problem] : "";
    status.hidden = !problem;
  }

  function commit(next) {
    answer = next;
    lastSent = clone(next);
    // Live, only the answer goes to the kernel, which stamps it with its own clock
    // (casebook/widgets/base.py); on the static site the saved entry carries the time.
    model.set("answer", lastSent);
    model.save_changes();
    if (store) showProblem(store.write(key, { kind: kindId, title, page: host.page, updated: now(), state: lastSent }));
  }

  const draw = () => kind.render({ config: model.get("config"), answer: clone(answer), commit, body, isStatic, subheading });
  let cleanupKind = draw();
  // Live, the kernel is authoritative: redraw when Python changes the answer.
  const onKernelChange = () => {
    if (model.get("answer") === lastSent) return;
    answer = clone(model.get("answer"));
    if (cleanupKind) cleanupKind();
    cleanupKind = draw();
  };
  if (!isStatic) model.on("change:answer", onKernelChange);
  el.dataset.ready = "true";
  return () => {
    if (!isStatic) model.off("change:answer", onKernelChange);
    window.removeEventListener("beforeprint", drawPrint);
    window.removeEventListener("afterprint", clearPrint);
    if (cleanupKind) cleanupKind();
  };
}
