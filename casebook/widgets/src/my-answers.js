// The My answers page: every answer saved in this browser, to download (JSON, or
// Markdown for handing in), import from a file, or clear. Python: casebook/widgets/my_answers.py.

import { KINDS } from "./constants.json";
import { download, h, own, textField, uniqueId } from "./dom.js";
import { AnswerFileError, answerFile, checkSize, mergeAnswers, readAnswerFile } from "./format.js";
import { loadKinds } from "./kinds.js";
import { AnswerStore, STORAGE_MESSAGES } from "./storage.js";

/**
 * An answer as (label, value) pairs of plain text, by its kind's describe. `names`
 * holds readable names of the case data's ids by table ({arguments: {A01: "…"}, …});
 * an id without one shows as itself.
 */
export function describeAnswer(entry, names, kinds) {
  const name = (table, id) => own(own(names, table), id) ?? id;
  return kinds[entry.kind].describe(entry.state, name);
}

/** Backslash-escape the characters Markdown gives meaning to, so student text shows exactly as typed. */
function escapeMarkdown(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, "\\$&").replace(/\n/g, "  \n");
}

/** An answer file as Markdown, for handing in. */
export function answersAsMarkdown(document, names, kinds) {
  const lines = ["# My answers", ""];
  if (document.student) lines.push(`Student: ${escapeMarkdown(document.student)}  `);
  lines.push(`Exported: ${document.exported}`, "");
  for (const [key, entry] of Object.entries(document.answers)) {
    lines.push(`## ${escapeMarkdown(entry.title || key)}`, "", `${KINDS[entry.kind]}, last changed ${entry.updated}`, "");
    for (const [label, value] of describeAnswer(entry, names, kinds)) lines.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** A file name that tells students' downloads apart when an instructor collects them in one folder. */
function fileName(document, extension) {
  const who = (document.student || "student").normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "student";
  return `casebook-answers-${who}-${document.exported.slice(0, 16).replace(/[T:]/g, "-")}.${extension}`;
}

export async function renderMyAnswers({ model, el, host }) {
  if (!(host && host.static)) {
    el.replaceChildren(h("p", { class: "cb-note" }, "This page gathers the answers your browser saved on the book's website. In JupyterLab, use each widget's save() and load() methods instead."));
    el.dataset.ready = "true";
    return () => {};
  }
  const kinds = await loadKinds();
  const { names } = model.get("config");
  const store = new AnswerStore(host.siteId);
  const message = h("p", { class: "cb-message", role: "status", "aria-live": "polite" });
  const list = h("div", { class: "cb-answer-list" });
  const pending = h("div", { class: "cb-import-preview" });

  function say(text, kind = "info") {
    message.textContent = text;
    message.dataset.kind = kind;
  }

  const student = textField({
    label: "Your name (included in downloads):",
    value: store.readStudent(),
    maxLength: 200,
    onInput: (text) => {
      const problem = store.writeStudent(text);
      if (problem) say(STORAGE_MESSAGES[problem], "error");
    },
  });

  function showList() {
    const answers = store.all();
    const keys = Object.keys(answers);
    list.replaceChildren(keys.length
      ? h("ul", { class: "cb-answers" }, keys.map((key) => {
        const entry = answers[key];
        return h("li", { dataset: { key } },
          h("h3", {}, entry.title || key),
          h("p", { class: "cb-meta" }, `${KINDS[entry.kind]} · last changed ${new Date(entry.updated).toLocaleString()}${entry.page ? ` · ${entry.page}` : ""}`),
          h("dl", {}, describeAnswer(entry, names, kinds).map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])));
      }))
      : h("p", { class: "cb-empty" }, "You have no saved answers yet. Answers you give in the chapters appear here."));
    return answers;
  }

  function exportDocument() {
    return answerFile(store.all(), student.querySelector("input").value.trim() || undefined);
  }

  const downloadJson = h("button", { type: "button", onclick: () => {
    const document = exportDocument();
    download(fileName(document, "json"), JSON.stringify(document, null, 2), "application/json");
    say("Downloaded your answers as a JSON file, which you can import on another computer.");
  } }, "Download answers (JSON)");
  const downloadMarkdown = h("button", { type: "button", onclick: () => {
    const document = exportDocument();
    download(fileName(document, "md"), answersAsMarkdown(document, names, kinds), "text/markdown");
    say("Downloaded your answers as a Markdown file for handing in.");
  } }, "Download for handing in (Markdown)");

  const fileId = uniqueId("import");
  const fileInput = h("input", { type: "file", id: fileId, accept: ".json,application/json" });
  fileInput.addEventListener("change", async () => {
    pending.replaceChildren();
    const file = fileInput.files[0];
    if (!file) return;
    let incoming;
    try {
      checkSize(file.size); // before reading a file that may be huge
      incoming = readAnswerFile(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof AnswerFileError)) throw error;
      say(`${file.name}: ${error.message} Nothing was changed.`, "error");
      fileInput.value = "";
      return;
    }
    const { merged, changes } = mergeAnswers(store.all(), incoming.answers);
    const actions = { add: "will be added", replace: "will replace your older answer", keep: "is not newer than yours, so yours is kept" };
    const apply = h("button", { type: "button", onclick: () => {
      // Write only what the import changes, so nothing saved meanwhile (in another tab) is overwritten.
      const problems = changes.filter((change) => change.action !== "keep")
        .map((change) => store.write(change.key, merged[change.key])).filter(Boolean);
      pending.replaceChildren();
      fileInput.value = "";
      showList();
      say(problems.length ? STORAGE_MESSAGES[problems[0]] : `Imported ${file.name}.`, problems.length ? "error" : "info");
    } }, "Apply the import");
    const cancel = h("button", { type: "button", onclick: () => {
      pending.replaceChildren();
      fileInput.value = "";
      say("Import cancelled; nothing was changed.");
    } }, "Cancel");
    pending.replaceChildren(
      h("p", {}, `Importing ${file.name}${incoming.student ? ` (${incoming.student})` : ""} would change the following. Nothing is deleted.`),
      h("ul", {}, changes.map((change) => h("li", { dataset: { action: change.action } }, `${change.title}: ${actions[change.action]}.`))),
      changes.length ? null : h("p", {}, "The file holds no answers."),
      apply, cancel);
    say("Check what the import would change, then apply it or cancel.");
    apply.focus();
  });

  const clearButton = h("button", { type: "button", class: "cb-danger", onclick: () => {
    const yes = h("button", { type: "button", class: "cb-danger", onclick: () => {
      store.clear();
      pending.replaceChildren();
      showList();
      say("All your answers on this computer were deleted.");
    } }, "Yes, delete all my answers");
    const no = h("button", { type: "button", onclick: () => {
      pending.replaceChildren();
      say("Nothing was deleted.");
    } }, "Keep my answers");
    pending.replaceChildren(h("p", {}, "Delete every answer saved on this computer? Download them first if you may need them."), yes, no);
    no.focus();
  } }, "Clear my answers");

  el.replaceChildren(
    store.problem ? h("p", { class: "cb-status", role: "status" }, STORAGE_MESSAGES[store.problem]) : "",
    student,
    h("div", { class: "cb-actions" }, downloadJson, downloadMarkdown),
    h("div", { class: "cb-field" }, h("label", { for: fileId }, "Import answers from a file:"), fileInput),
    h("div", { class: "cb-actions" }, clearButton),
    message,
    pending,
    // The page's own heading is its h1: the list is a section of it (h2), each answer a part of that (h3).
    h("h2", {}, "Your saved answers"),
    list,
  );
  showList();
  el.dataset.ready = "true";
  return () => {};
}
