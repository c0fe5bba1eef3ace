// The source check: label each statement from the reporting by the kind of sourcing
// behind it, with feedback at once (the answer key is part of the book by design).
// Python: casebook/widgets/source_check.py (SourceCheck).

import { STATEMENT_LABELS } from "../constants.json";
import { clone, h, own, radioGroup, uniqueId } from "../dom.js";
import { blank, formTable } from "../print.js";

/** The answer as (label, value) pairs of plain text, for My answers and the hand-in. */
export function describe(state, name) {
  return Object.entries(state.labels).map(([id, label]) => [name("statements", id), STATEMENT_LABELS[label]]);
}

/** On paper: the statements as a table, with a blank label column (or the student's labels). */
export function printForm({ config, answer }) {
  const labels = answer.labels || {};
  return [
    h("p", { class: "cb-hint" }, `Label each statement: ${Object.values(STATEMENT_LABELS).join(", ").toLowerCase()}.`),
    formTable("Statements from the reporting", ["#", "Statement", "Your label"],
      config.statements.map((statement, index) => [String(index + 1), statement.text, blank(STATEMENT_LABELS[own(labels, statement.id)], { wide: true })]),
      "cb-print-statements"),
  ];
}

export function render({ config, answer, commit, body }) {
  const state = { labels: { ...(answer.labels || {}) } };
  const score = h("p", { class: "cb-score" });

  function feedbackText(statement) {
    const chosen = own(state.labels, statement.id);
    if (!chosen) return "";
    const verdict = chosen === statement.label ? "✓ Correct:" : `✗ Not quite: you chose ${STATEMENT_LABELS[chosen].toLowerCase()}, but this is`;
    return `${verdict} ${STATEMENT_LABELS[statement.label].toLowerCase()}. ${statement.explanation} Attribution in the text: ${statement.attribution}`;
  }

  function updateScore() {
    const answered = config.statements.filter((s) => Object.hasOwn(state.labels, s.id));
    const right = answered.filter((s) => state.labels[s.id] === s.label).length;
    score.textContent = `${answered.length} of ${config.statements.length} labelled; ${right} correct.`;
  }

  const items = config.statements.map((statement) => {
    const chosen = own(state.labels, statement.id);
    const feedback = h("p", { class: "cb-feedback", "aria-live": "polite" }, feedbackText(statement));
    if (chosen) feedback.dataset.correct = String(chosen === statement.label);
    const textId = uniqueId("statement");
    const group = radioGroup({
      legend: "What kind of statement is this?",
      name: uniqueId("label"),
      options: Object.entries(STATEMENT_LABELS).map(([value, label]) => ({ value, label })),
      value: chosen,
      describedBy: textId,
      onChange: (value) => {
        state.labels[statement.id] = value;
        feedback.textContent = feedbackText(statement);
        feedback.dataset.correct = String(value === statement.label);
        updateScore();
        commit(clone(state));
      },
    });
    return h("li", { class: "cb-statement", dataset: { id: statement.id } }, h("blockquote", { id: textId }, statement.text), group, feedback);
  });

  body.replaceChildren(
    h("p", { class: "cb-hint" }, "Label each statement from the reporting. You get feedback at once; the answer key is part of the book, so this is a check for yourself."),
    h("div", { class: "cb-result", "aria-live": "polite" }, score),
    h("ol", { class: "cb-statements" }, items),
  );
  updateScore();
  return null;
}
