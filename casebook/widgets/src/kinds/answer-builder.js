// The answer builder: the student's decision, as one of the case's decision-makers,
// argued in the Toulmin model, with a completeness check and a plain-text preview.
// Python: casebook/widgets/answer_builder.py (AnswerBuilder), which sends the core
// parts, the empty answer and the sources in `config`.

import { ROLES } from "../constants.json";
import { clone, h, own, radioGroup, textField, uniqueId } from "../dom.js";
import { box, tick } from "../print.js";

const TOULMIN_PARTS = [
  ["claim", "Claim", "Your decision, in one or two sentences."],
  ["grounds", "Grounds", "The facts from the case your claim rests on. Pick the sources you rely on below."],
  ["warrant", "Warrant", "Why those facts support the claim: the principle that links them."],
  ["backing", "Backing (optional)", "Support for the warrant: a rule, a precedent, an ethical lens."],
  ["qualifier", "Qualifier (optional)", "How sure you are, and under what conditions."],
  ["rebuttal", "Rebuttal (optional)", "When your claim would not hold; and the strongest objection, with your answer to it."],
];
const roleOf = (value) => ROLES.find((role) => role.value === value);
const DECISIONS = Object.fromEntries(ROLES.flatMap((role) => role.options.map((option) => [option.value, option.label])));

/** The answer as plain text, for the preview. */
function assembleAnswer(state, config) {
  const sourceNames = Object.fromEntries(config.sources.map((s) => [s.key, s.label]));
  const role = roleOf(state.role);
  const lines = [`As ${role ? role.name : "(no decision-maker chosen)"}: ${own(DECISIONS, state.decision) || "(no decision chosen)"}`, ""];
  for (const [part, name] of TOULMIN_PARTS) {
    const text = state[part].trim();
    if (text) lines.push(`${name.replace(/ \(optional\)$/, "")}: ${text}`);
    if (part === "grounds" && state.citations.length) lines.push(`Sources: ${state.citations.map((key) => own(sourceNames, key) || key).join("; ")}`);
  }
  return lines.join("\n");
}

/** Whether a text is empty or white space, as Python's str.strip() sees it (JavaScript's trim also removes U+FEFF, and keeps U+0085). */
const isBlank = (text) => /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(text);

/** What the core still lacks, as AnswerBuilder.missing says; the core parts are Python's. */
export function missingCoreParts(state, config) {
  const missing = config.core_parts.filter((part) => isBlank(state[part]));
  if (!missing.includes("grounds") && !state.citations.length) missing.push("a source for the grounds");
  if (!state.decision) missing.unshift("a decision");
  if (!state.role) missing.unshift("a decision-maker");
  return missing;
}

/** The answer as (label, value) pairs of plain text, for My answers and the hand-in. */
export function describe(state, name) {
  const role = roleOf(state.role);
  return [
    ["Decision-maker", role ? role.name : state.role],
    ["Decision", own(DECISIONS, state.decision) || state.decision || ""],
    ["Earlier choice (no longer offered)", state.earlier_choice || ""],
    ...TOULMIN_PARTS.map(([part, label]) => [label, state[part]]),
    ["Sources", state.citations.map((key) => name("sources", key)).join("; ")],
  ].filter(([, value]) => value);
}

/** On paper: the decision-makers and their options to tick, then each part of the answer, headed, with room to write. */
export function printForm({ config, answer, subheading }) {
  const state = { ...clone(config.empty_answer), ...clone(answer) };
  return [
    h("p", { class: "cb-hint" }, "Tick one decision-maker and one of their options. The claim, grounds (with at least one source) and warrant are the core; the rest make your answer stronger."),
    ROLES.map((role) => h("div", { class: "cb-print-role" },
      h("p", {}, tick(state.role === role.value), " ", h("strong", {}, role.name), `: ${role.question}`),
      h("ul", { class: "cb-print-options" }, role.options.map((option) => h("li", {}, tick(state.role === role.value && state.decision === option.value), " ", option.label))))),
    TOULMIN_PARTS.map(([part, name, hint]) => h("div", { class: "cb-print-part" }, h(subheading, {}, name), h("p", { class: "cb-hint" }, hint), box(state[part]))),
    h(subheading, {}, "Sources for your grounds"),
    h("ul", { class: "cb-print-options" }, config.sources.map((source) => h("li", {}, tick(state.citations.includes(source.key)), " ", source.label))),
  ];
}

export function render({ config, answer, commit, body, subheading }) {
  const state = { ...clone(config.empty_answer), ...clone(answer) };
  const check = h("p", { class: "cb-completeness" });
  const preview = h("pre", { class: "cb-preview", tabindex: 0, "aria-label": "Preview of your answer as plain text" });

  function update() {
    const missing = missingCoreParts(state, config);
    check.textContent = missing.length ? `Still missing from the core: ${missing.join(", ")}.` : "Complete: your answer has a decision-maker, a decision, a claim, grounds with sources, and a warrant.";
    check.dataset.complete = String(!missing.length);
    preview.textContent = assembleAnswer(state, config);
  }
  const save = () => {
    update();
    commit(clone(state));
  };

  // A choice kept from an earlier version's options, until the student chooses again.
  const earlierChoice = state.earlier_choice ? h("p", { class: "cb-status", role: "status" },
    `An earlier version of the casebook offered different options, and you chose: ${state.earlier_choice}. That option is no longer offered; choose again below. The rest of your answer is kept.`) : "";
  const decisionBox = h("div", { class: "cb-decision" });
  function showDecisions() {
    const role = roleOf(state.role);
    decisionBox.replaceChildren(role ? radioGroup({
      legend: "Your decision",
      name: uniqueId("decision"),
      options: role.options,
      value: state.decision,
      onChange: (value) => {
        state.decision = value;
        if (earlierChoice) {
          delete state.earlier_choice;
          earlierChoice.remove();
        }
        save();
      },
    }) : "");
  }
  const role = radioGroup({
    legend: "You decide as",
    name: uniqueId("role"),
    options: ROLES.map((r) => ({ value: r.value, label: `${r.name}: ${r.question}` })),
    value: state.role,
    onChange: (value) => {
      state.role = value;
      if (!roleOf(value).options.some((option) => option.value === state.decision)) state.decision = "";
      showDecisions();
      save();
    },
  });
  showDecisions();
  const fields = TOULMIN_PARTS.map(([part, name, hint]) => {
    const field = textField({ label: name, hint, value: state[part], multiline: true, maxLength: 5000, onInput: (text) => {
      state[part] = text;
      save();
    } });
    if (part !== "grounds") return field;
    const sources = h("fieldset", { class: "cb-citations" }, h("legend", {}, "Sources for your grounds"),
      config.sources.map((source) => {
        const id = uniqueId("source");
        const box = h("input", { type: "checkbox", id, value: source.key, checked: state.citations.includes(source.key) });
        box.addEventListener("change", () => {
          state.citations = config.sources.map((s) => s.key).filter((key) => (key === source.key ? box.checked : state.citations.includes(key)));
          save();
        });
        return h("span", { class: "cb-option" }, box, h("label", { for: id }, source.label));
      }));
    return [field, sources];
  });

  body.replaceChildren(
    h("p", { class: "cb-hint" }, "Build your answer in the Toulmin model. The claim, grounds (with at least one source) and warrant are the core; the rest make it stronger."),
    earlierChoice,
    role,
    decisionBox,
    h("div", { class: "cb-parts" }, fields),
    h("div", { class: "cb-result", "aria-live": "polite" }, check),
    h(subheading, {}, "Preview"),
    preview,
  );
  update();
  return null;
}
