// Forecasts before the epilogue: a probability, 0 to 100%, that each question resolves
// yes, given at the end of chapter 8; in chapter 9 (config.reveal) the same answer beside
// what happened, read-only, with its Brier score.
// Python: casebook/widgets/forecast.py (Forecast).

import { clone, h, own, scrollBox, uniqueId } from "../dom.js";
import { blank, formTable } from "../print.js";

/**
 * The mean, over the questions answered and resolved, of (p/100 − outcome)², the outcome
 * being 1 for yes and 0 for no; null when none is answered. As casebook.widgets.forecast.brier_score
 * (tests/conformance holds the two to the same cases), in the questions' order.
 */
export function brierScore(questions, probabilities) {
  const errors = questions
    .filter((question) => Object.hasOwn(question, "outcome") && own(probabilities, question.id) !== undefined)
    .map((question) => (probabilities[question.id] / 100 - (question.outcome === "yes" ? 1 : 0)) ** 2);
  return errors.length ? errors.reduce((sum, error) => sum + error, 0) / errors.length : null;
}

/** What a score means, in one sentence, for `answered` of `total` questions. */
export function scoreMeaning(score, answered, total) {
  if (score === null) return "You made no forecast, so there is no score: below are the questions and what happened.";
  return `Your Brier score is ${score.toFixed(3)}, over the ${answered} of ${total} questions you forecast: `
    + "0 would be perfect, 0.25 is what saying 50% to every question scores, and lower is better.";
}

/** The answer as (label, value) pairs of plain text, for My answers and the hand-in. */
export function describe(state, name) {
  return Object.entries(state.probabilities).map(([id, probability]) => [name("forecasts", id), `${probability}%`]);
}

/** A whole number from 0 to 100 typed in a field, null for an empty field, or undefined for anything else. */
function percent(text) {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d{1,3}$/.test(trimmed) && Number(trimmed) <= 100 ? Number(trimmed) : undefined;
}

function renderForecasts({ config, state, commit, body }) {
  const announce = h("p", { class: "cb-announce", role: "status", "aria-live": "polite" });
  const items = config.questions.map((question, index) => {
    const id = uniqueId("forecast");
    const hintId = uniqueId("hint");
    const input = h("input", {
      id, type: "number", min: 0, max: 100, step: 1, inputmode: "numeric", "aria-describedby": hintId,
    });
    const given = own(state.probabilities, question.id);
    input.value = given === undefined ? "" : String(given);
    input.addEventListener("input", () => {
      const value = percent(input.value);
      if (value === undefined) {
        input.setAttribute("aria-invalid", "true");
        announce.textContent = "A forecast is a whole number from 0 to 100; this one is not saved.";
        return;
      }
      input.removeAttribute("aria-invalid");
      if (value === null) delete state.probabilities[question.id];
      else state.probabilities[question.id] = value;
      announce.textContent = value === null ? `Question ${index + 1}: no forecast.` : `Question ${index + 1}: your forecast is ${value}%.`;
      commit(clone(state));
    });
    return h("li", { class: "cb-question", dataset: { id: question.id } },
      h("label", { for: id }, question.question),
      h("p", { class: "cb-hint", id: hintId }, `Your probability that the answer is yes, 0 to 100%. Resolves by ${question.closes}.`),
      h("span", { class: "cb-percent" }, input, " %"));
  });
  body.replaceChildren(
    h("p", { class: "cb-hint" }, "For each question, type how likely you think it is, from 0 (certainly not) to 100 (certainly). Leave a field empty to give no forecast."),
    h("ol", { class: "cb-questions" }, items),
    announce,
  );
}

function renderResults({ config, state, body }) {
  const score = brierScore(config.questions, state.probabilities);
  const answered = config.questions.filter((question) => own(state.probabilities, question.id) !== undefined).length;
  const rows = config.questions.map((question) => {
    const given = own(state.probabilities, question.id);
    return h("tr", { dataset: { id: question.id } },
      h("th", { scope: "row" }, question.question),
      h("td", { class: "cb-given" }, given === undefined ? "no forecast" : `${given}%`),
      h("td", { class: "cb-outcome" }, question.outcome === "yes" ? "Yes" : "No"),
      h("td", {}, question.resolution, " ", h("span", { class: "cb-meta" }, `(${question.sources.join("; ")})`)));
  });
  const results = scrollBox("Your forecasts beside what happened",
    h("table", {},
      h("caption", {}, "Your forecasts beside what happened"),
      h("thead", {}, h("tr", {}, ["Question", "Your forecast", "Outcome", "What happened"].map((label) => h("th", { scope: "col" }, label)))),
      h("tbody", {}, rows)));
  body.replaceChildren(
    h("div", { class: "cb-result", "aria-live": "polite" }, h("p", { class: "cb-score" }, scoreMeaning(score, answered, config.questions.length))),
    results.cue,
    results.box,
  );
  return results.cleanup;
}

/** On paper: each question with a blank for the probability; with the outcomes once they are revealed. */
export function printForm({ config, answer }) {
  const given = answer.probabilities || {};
  const percent = (question) => h("span", {}, blank(own(given, question.id)), " %");
  if (config.reveal) {
    return formTable("Your forecasts beside what happened", ["Question", "Your forecast", "Outcome", "What happened"],
      config.questions.map((q) => [q.question, percent(q), q.outcome === "yes" ? "Yes" : "No", q.resolution]));
  }
  return [
    h("p", { class: "cb-hint" }, "For each question, write how likely you think it is that the answer is yes, from 0 (certainly not) to 100 (certainly)."),
    formTable("Your forecasts", ["Question", "Resolves by", "Your probability"],
      config.questions.map((q) => [q.question, q.closes, percent(q)]), "cb-print-forecasts"),
  ];
}

export function render({ config, answer, commit, body }) {
  const state = { probabilities: { ...(answer.probabilities || {}) } };
  if (config.reveal) return renderResults({ config, state, body });
  renderForecasts({ config, state, commit, body });
  return null;
}
