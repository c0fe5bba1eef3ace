// The analogy fit matrix: rate how well each analogy matches the AI case on each
// dimension, and see where each analogy breaks. The student may add an analogy of
// their own, kept under the id "own". Python: casebook/widgets/analogies.py (AnalogyMatrix).

import { FIT } from "../constants.json";
import { clone, h, own, scrollBox, textField } from "../dom.js";
import { blank, formTable } from "../print.js";

const FIT_LABELS = FIT.map((label, value) => `${value} ${label}`);
const MAX_FIT = FIT.length - 1;

function meanOf(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** The answer as (label, value) pairs of plain text, for My answers and the hand-in. */
export function describe(state, name) {
  return [
    ...(state.own_analogy ? [["Own analogy", state.own_analogy]] : []),
    ...Object.entries(state.ratings).flatMap(([analogy, ratings]) => Object.entries(ratings).map(([dimension, value]) => [
      `${analogy === "own" ? state.own_analogy || "Own analogy" : name("analogies", analogy)}, ${name("dimensions", dimension)}`,
      FIT_LABELS[value],
    ])),
  ];
}

/** On paper: the dimensions, then an empty grid of analogies by dimensions (or the student's ratings). */
export function printForm({ config, answer }) {
  const ratings = answer.ratings || {};
  const ownName = (answer.own_analogy || "").trim();
  const rows = [...config.analogies, { id: "own", name: "" }].map((analogy) => [
    analogy.id === "own" ? h("span", {}, "Your own analogy: ", blank(ownName)) : analogy.name,
    ...config.dimensions.map((dimension) => blank(FIT_LABELS[own(own(ratings, analogy.id), dimension.id)])),
  ]);
  return [
    h("p", { class: "cb-hint" }, `Rate how well each analogy matches the AI case on each dimension, from 0 (${FIT[0]}) to ${MAX_FIT} (${FIT[MAX_FIT]}).`),
    h("dl", { class: "cb-dimensions" }, config.dimensions.map((d) => [h("dt", {}, d.name), h("dd", {}, d.question)])),
    formTable("How well each analogy fits the AI case", ["Analogy", ...config.dimensions.map((d) => d.name)], rows, "cb-print-grid"),
  ];
}

export function render({ config, answer, commit, body }) {
  const state = { ratings: clone(answer.ratings || {}), own_analogy: answer.own_analogy || "" };
  const analogies = [...config.analogies, { id: "own", name: "", description: "An analogy of your own: name it below." }];
  const summaries = new Map();
  const overall = h("p", { class: "cb-overall" });

  const nameOf = (analogy) => (analogy.id === "own" ? state.own_analogy.trim() || "Your own analogy" : analogy.name);

  function update() {
    const lines = [];
    for (const analogy of analogies) {
      const ratings = own(state.ratings, analogy.id) || {};
      const rated = config.dimensions.filter((d) => Object.hasOwn(ratings, d.id));
      const fit = meanOf(rated.map((d) => ratings[d.id]));
      const breaks = rated.filter((d) => ratings[d.id] <= 1).map((d) => d.name);
      const cell = summaries.get(analogy.id);
      cell.fit.textContent = fit === null ? "not rated yet" : `${fit.toFixed(1)} of ${MAX_FIT} (${rated.length} of ${config.dimensions.length} rated)`;
      cell.breaks.textContent = breaks.length ? `Breaks on: ${breaks.join(", ")}` : rated.length ? "Breaks on: none so far" : "";
      cell.name.textContent = nameOf(analogy);
      if (fit !== null) lines.push(`${nameOf(analogy)}: fit ${fit.toFixed(1)} of ${MAX_FIT}${breaks.length ? `, breaks on ${breaks.join(", ")}` : ""}`);
    }
    overall.textContent = lines.length ? lines.join(". ") + "." : "Rate how well each analogy matches the AI case.";
  }

  const head = h("tr", {}, h("th", { scope: "col" }, "Analogy"),
    config.dimensions.map((d) => h("th", { scope: "col" }, d.name)), h("th", { scope: "col" }, "Overall fit"));
  const rows = analogies.map((analogy) => {
    const name = h("span", {}, nameOf(analogy));
    const fit = h("span", { class: "cb-fit" });
    const breaks = h("span", { class: "cb-breaks" });
    summaries.set(analogy.id, { name, fit, breaks });
    const cells = config.dimensions.map((dimension) => {
      const select = h("select", {
        "aria-label": `How well does ${analogy.id === "own" ? "your own analogy" : `“${analogy.name}”`} match the AI case on ${dimension.name.toLowerCase()}?`,
        dataset: { analogy: analogy.id, dimension: dimension.id },
      }, h("option", { value: "" }, "– rate –"), FIT_LABELS.map((label, value) => h("option", { value }, label)));
      const current = own(own(state.ratings, analogy.id), dimension.id);
      select.value = current === undefined ? "" : String(current);
      select.addEventListener("change", () => {
        const ratings = { ...(own(state.ratings, analogy.id) || {}) };
        if (select.value === "") delete ratings[dimension.id];
        else ratings[dimension.id] = Number(select.value);
        state.ratings[analogy.id] = ratings;
        update();
        commit(clone(state));
      });
      return h("td", {}, select);
    });
    return h("tr", { dataset: { analogy: analogy.id } }, h("th", { scope: "row" }, name), cells, h("td", {}, fit, h("br"), breaks));
  });

  const ownName = textField({
    label: "Your own analogy (name it):",
    value: state.own_analogy,
    maxLength: 200,
    onInput: (text) => {
      state.own_analogy = text;
      update();
      commit(clone(state));
    },
  });

  const matrix = scrollBox("The fit matrix",
    h("table", { class: "cb-matrix" }, h("caption", {}, "How well each analogy fits the AI case"), h("thead", {}, head), h("tbody", {}, rows)));

  body.replaceChildren(
    h("p", { class: "cb-hint" }, `For each analogy and each dimension, rate how well the analogy matches the AI case, from 0 (${FIT[0]}) to ${MAX_FIT} (${FIT[MAX_FIT]}). A rating of 0 or 1 marks where the analogy breaks.`),
    h("dl", { class: "cb-dimensions" }, config.dimensions.map((d) => [h("dt", {}, d.name), h("dd", {}, d.question, " ", h("em", {}, "The AI case: "), d.ai_case)])),
    h("ul", { class: "cb-analogies" }, config.analogies.map((a) => h("li", {}, h("strong", {}, a.name), ": ", a.description, ` (${a.sources})`))),
    ownName,
    matrix.cue,
    matrix.box,
    h("div", { class: "cb-result", "aria-live": "polite" }, overall),
  );
  update();
  return matrix.cleanup;
}
