// Built by `make bundle` from sources with sha256 848c8bd416c26061f051c70c45f75ad72effde82327f7e4f606adcf17c6f466b; do not edit: edit casebook/widgets/src/ and run `make bundle` again.
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __glob = (map) => (path) => {
  var fn = map[path];
  if (fn) return fn();
  throw new Error("Module not found in bundle: " + path);
};
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// casebook/widgets/src/constants.json
var FORMAT, VERSION, MAX_BYTES, UNDATED, MAX_DEPTH, V2_ROLES, V2_RETIRED_DECISIONS, KINDS, ROLES, STATEMENT_LABELS, WEIGHTS, FIT;
var init_constants = __esm({
  "casebook/widgets/src/constants.json"() {
    FORMAT = "casebook-answers";
    VERSION = 5;
    MAX_BYTES = 5242880;
    UNDATED = "1970-01-01T00:00:00.000Z";
    MAX_DEPTH = 32;
    V2_ROLES = {
      "Anthropic's leadership": "anthropic",
      "The Pentagon's leadership": "pentagon"
    };
    V2_RETIRED_DECISIONS = {
      "not-designate": "Do not treat a supplier's usage limits as a supply chain risk"
    };
    KINDS = {
      "argument-weigher": "Argument weigher",
      "analogy-matrix": "Analogy fit matrix",
      "source-check": "Source check",
      "answer-builder": "Answer builder",
      forecast: "Forecasts",
      "written-answer": "Written answer"
    };
    ROLES = [
      {
        value: "anthropic",
        name: "Dario Amodei, Anthropic's CEO",
        question: "Should Anthropic supply Claude to the military, and on what terms?",
        options: [
          {
            value: "sign",
            label: "Sign the \u201Call lawful uses\u201D contract"
          },
          {
            value: "hold",
            label: "Hold out for the two carve-outs"
          },
          {
            value: "narrower",
            label: "Propose narrower, precisely defined limits"
          },
          {
            value: "withdraw",
            label: "Step back from military work"
          }
        ]
      },
      {
        value: "pentagon",
        name: "Pete Hegseth, Defense Secretary",
        question: "How should the department answer Anthropic's limits?",
        options: [
          {
            value: "accept",
            label: "Negotiate limits into the contract that the department can plan around"
          },
          {
            value: "other-suppliers",
            label: "Hold to \u201Call lawful uses\u201D and move the work to other suppliers"
          },
          {
            value: "restrict",
            label: "Restrict or end Anthropic's use across the military now"
          },
          {
            value: "designate",
            label: "Seek a supply chain risk designation, through the statute's procedure"
          }
        ]
      }
    ];
    STATEMENT_LABELS = {
      "reported-fact": "Reported fact",
      "on-record-claim": "On-record claim",
      "anonymous-claim": "Anonymous-source claim",
      denial: "Denial",
      opinion: "Opinion or analysis"
    };
    WEIGHTS = [
      "irrelevant",
      "minor",
      "some weight",
      "important",
      "strong",
      "decisive"
    ];
    FIT = [
      "not at all",
      "barely",
      "partly",
      "mostly",
      "fully"
    ];
  }
});

// casebook/widgets/src/dom.js
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === void 0) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== void 0 && child !== false));
  return element;
}
function uniqueId(prefix) {
  lastId += 1;
  return `cb-${prefix}-${lastId}`;
}
function clone(value) {
  return JSON.parse(JSON.stringify(value));
}
function own(object, key) {
  return object && Object.hasOwn(object, key) ? object[key] : void 0;
}
function radioGroup({ legend, name, options, value, onChange, describedBy }) {
  const fieldset = h("fieldset", { class: "cb-radios", "aria-describedby": describedBy });
  fieldset.append(h("legend", {}, legend));
  for (const option of options) {
    const id = uniqueId("option");
    const input = h("input", { type: "radio", id, name, value: option.value, checked: String(option.value) === String(value) });
    input.addEventListener("change", () => onChange(option.value));
    fieldset.append(h("span", { class: "cb-option" }, input, h("label", { for: id }, option.label)));
  }
  return fieldset;
}
function textField({ label, value, onInput, multiline = false, maxLength = 500, hint = "" }) {
  const id = uniqueId("text");
  const hintId = hint ? uniqueId("hint") : null;
  const input = multiline ? h("textarea", { id, rows: 3, maxlength: maxLength, "aria-describedby": hintId }) : h("input", { id, type: "text", maxlength: maxLength, "aria-describedby": hintId });
  input.value = value || "";
  input.addEventListener("input", () => onInput(input.value));
  return h("div", { class: "cb-field" }, h("label", { for: id }, label), hint ? h("p", { class: "cb-hint", id: hintId }, hint) : null, input);
}
function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e3);
}
function scrollBox(label, table) {
  const box2 = h("div", { class: "cb-table-scroll", tabindex: "0", role: "region", "aria-label": `${label} (scrolls sideways)` }, table);
  const cue = h("p", { class: "cb-scroll-cue cb-hint", hidden: true }, "Scroll sideways to see every column \u2192");
  const update = () => {
    cue.hidden = box2.scrollWidth <= box2.clientWidth + 1;
  };
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
  if (observer) observer.observe(box2);
  return { box: box2, cue, cleanup: () => observer && observer.disconnect() };
}
var lastId;
var init_dom = __esm({
  "casebook/widgets/src/dom.js"() {
    lastId = 0;
  }
});

// casebook/widgets/src/print.js
function blank(text, { wide = false } = {}) {
  const filled = text !== void 0 && text !== null && String(text).trim() !== "";
  return h("span", { class: `cb-blank${wide ? " cb-blank-wide" : ""}${filled ? " cb-filled" : ""}` }, filled ? String(text) : " ");
}
function box(text, lines = 4) {
  const filled = text !== void 0 && text !== null && String(text).trim() !== "";
  return h("div", { class: `cb-box${filled ? " cb-filled" : ""}`, style: filled ? null : `min-height: ${lines * 1.6}em` }, filled ? String(text) : "");
}
function formTable(caption, header, rows, className = "") {
  return h(
    "table",
    { class: `cb-form-table ${className}` },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, header.map((label) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell, index) => index === 0 ? h("th", { scope: "row" }, cell) : h("td", {}, cell)))))
  );
}
var tick;
var init_print = __esm({
  "casebook/widgets/src/print.js"() {
    init_dom();
    tick = (checked) => h("span", { class: "cb-tick", "aria-hidden": "true" }, checked ? "\u2612" : "\u2610");
  }
});

// casebook/widgets/src/kinds/analogy-matrix.js
var analogy_matrix_exports = {};
__export(analogy_matrix_exports, {
  describe: () => describe,
  printForm: () => printForm,
  render: () => render
});
function meanOf(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
function describe(state, name) {
  return [
    ...state.own_analogy ? [["Own analogy", state.own_analogy]] : [],
    ...Object.entries(state.ratings).flatMap(([analogy, ratings]) => Object.entries(ratings).map(([dimension, value]) => [
      `${analogy === "own" ? state.own_analogy || "Own analogy" : name("analogies", analogy)}, ${name("dimensions", dimension)}`,
      FIT_LABELS[value]
    ]))
  ];
}
function printForm({ config, answer }) {
  const ratings = answer.ratings || {};
  const ownName = (answer.own_analogy || "").trim();
  const rows = [...config.analogies, { id: "own", name: "" }].map((analogy) => [
    analogy.id === "own" ? h("span", {}, "Your own analogy: ", blank(ownName)) : analogy.name,
    ...config.dimensions.map((dimension) => blank(FIT_LABELS[own(own(ratings, analogy.id), dimension.id)]))
  ]);
  return [
    h("p", { class: "cb-hint" }, `Rate how well each analogy matches the AI case on each dimension, from 0 (${FIT[0]}) to ${MAX_FIT} (${FIT[MAX_FIT]}).`),
    h("dl", { class: "cb-dimensions" }, config.dimensions.map((d) => [h("dt", {}, d.name), h("dd", {}, d.question)])),
    formTable("How well each analogy fits the AI case", ["Analogy", ...config.dimensions.map((d) => d.name)], rows, "cb-print-grid")
  ];
}
function render({ config, answer, commit, body }) {
  const state = { ratings: clone(answer.ratings || {}), own_analogy: answer.own_analogy || "" };
  const analogies = [...config.analogies, { id: "own", name: "", description: "An analogy of your own: name it below." }];
  const summaries = /* @__PURE__ */ new Map();
  const overall = h("p", { class: "cb-overall" });
  const nameOf = (analogy) => analogy.id === "own" ? state.own_analogy.trim() || "Your own analogy" : analogy.name;
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
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Analogy"),
    config.dimensions.map((d) => h("th", { scope: "col" }, d.name)),
    h("th", { scope: "col" }, "Overall fit")
  );
  const rows = analogies.map((analogy) => {
    const name = h("span", {}, nameOf(analogy));
    const fit = h("span", { class: "cb-fit" });
    const breaks = h("span", { class: "cb-breaks" });
    summaries.set(analogy.id, { name, fit, breaks });
    const cells = config.dimensions.map((dimension) => {
      const select = h("select", {
        "aria-label": `How well does ${analogy.id === "own" ? "your own analogy" : `\u201C${analogy.name}\u201D`} match the AI case on ${dimension.name.toLowerCase()}?`,
        dataset: { analogy: analogy.id, dimension: dimension.id }
      }, h("option", { value: "" }, "\u2013 rate \u2013"), FIT_LABELS.map((label, value) => h("option", { value }, label)));
      const current = own(own(state.ratings, analogy.id), dimension.id);
      select.value = current === void 0 ? "" : String(current);
      select.addEventListener("change", () => {
        const ratings = { ...own(state.ratings, analogy.id) || {} };
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
    }
  });
  const matrix = scrollBox(
    "The fit matrix",
    h("table", { class: "cb-matrix" }, h("caption", {}, "How well each analogy fits the AI case"), h("thead", {}, head), h("tbody", {}, rows))
  );
  body.replaceChildren(
    h("p", { class: "cb-hint" }, `For each analogy and each dimension, rate how well the analogy matches the AI case, from 0 (${FIT[0]}) to ${MAX_FIT} (${FIT[MAX_FIT]}). A rating of 0 or 1 marks where the analogy breaks.`),
    h("dl", { class: "cb-dimensions" }, config.dimensions.map((d) => [h("dt", {}, d.name), h("dd", {}, d.question, " ", h("em", {}, "The AI case: "), d.ai_case)])),
    h("ul", { class: "cb-analogies" }, config.analogies.map((a) => h("li", {}, h("strong", {}, a.name), ": ", a.description, ` (${a.sources})`))),
    ownName,
    matrix.cue,
    matrix.box,
    h("div", { class: "cb-result", "aria-live": "polite" }, overall)
  );
  update();
  return matrix.cleanup;
}
var FIT_LABELS, MAX_FIT;
var init_analogy_matrix = __esm({
  "casebook/widgets/src/kinds/analogy-matrix.js"() {
    init_constants();
    init_dom();
    init_print();
    FIT_LABELS = FIT.map((label, value) => `${value} ${label}`);
    MAX_FIT = FIT.length - 1;
  }
});

// casebook/widgets/src/kinds/answer-builder.js
var answer_builder_exports = {};
__export(answer_builder_exports, {
  describe: () => describe2,
  missingCoreParts: () => missingCoreParts,
  printForm: () => printForm2,
  render: () => render2
});
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
function missingCoreParts(state, config) {
  const missing = config.core_parts.filter((part) => isBlank(state[part]));
  if (!missing.includes("grounds") && !state.citations.length) missing.push("a source for the grounds");
  if (!state.decision) missing.unshift("a decision");
  if (!state.role) missing.unshift("a decision-maker");
  return missing;
}
function describe2(state, name) {
  const role = roleOf(state.role);
  return [
    ["Decision-maker", role ? role.name : state.role],
    ["Decision", own(DECISIONS, state.decision) || state.decision || ""],
    ["Earlier choice (no longer offered)", state.earlier_choice || ""],
    ...TOULMIN_PARTS.map(([part, label]) => [label, state[part]]),
    ["Sources", state.citations.map((key) => name("sources", key)).join("; ")]
  ].filter(([, value]) => value);
}
function printForm2({ config, answer, subheading }) {
  const state = { ...clone(config.empty_answer), ...clone(answer) };
  return [
    h("p", { class: "cb-hint" }, "Tick one decision-maker and one of their options. The claim, grounds (with at least one source) and warrant are the core; the rest make your answer stronger."),
    ROLES.map((role) => h(
      "div",
      { class: "cb-print-role" },
      h("p", {}, tick(state.role === role.value), " ", h("strong", {}, role.name), `: ${role.question}`),
      h("ul", { class: "cb-print-options" }, role.options.map((option) => h("li", {}, tick(state.role === role.value && state.decision === option.value), " ", option.label)))
    )),
    TOULMIN_PARTS.map(([part, name, hint]) => h("div", { class: "cb-print-part" }, h(subheading, {}, name), h("p", { class: "cb-hint" }, hint), box(state[part]))),
    h(subheading, {}, "Sources for your grounds"),
    h("ul", { class: "cb-print-options" }, config.sources.map((source) => h("li", {}, tick(state.citations.includes(source.key)), " ", source.label)))
  ];
}
function render2({ config, answer, commit, body, subheading }) {
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
  const earlierChoice = state.earlier_choice ? h(
    "p",
    { class: "cb-status", role: "status" },
    `An earlier version of the casebook offered different options, and you chose: ${state.earlier_choice}. That option is no longer offered; choose again below. The rest of your answer is kept.`
  ) : "";
  const decisionBox = h("div", { class: "cb-decision" });
  function showDecisions() {
    const role2 = roleOf(state.role);
    decisionBox.replaceChildren(role2 ? radioGroup({
      legend: "Your decision",
      name: uniqueId("decision"),
      options: role2.options,
      value: state.decision,
      onChange: (value) => {
        state.decision = value;
        if (earlierChoice) {
          delete state.earlier_choice;
          earlierChoice.remove();
        }
        save();
      }
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
    }
  });
  showDecisions();
  const fields = TOULMIN_PARTS.map(([part, name, hint]) => {
    const field = textField({ label: name, hint, value: state[part], multiline: true, maxLength: 5e3, onInput: (text) => {
      state[part] = text;
      save();
    } });
    if (part !== "grounds") return field;
    const sources = h(
      "fieldset",
      { class: "cb-citations" },
      h("legend", {}, "Sources for your grounds"),
      config.sources.map((source) => {
        const id = uniqueId("source");
        const box2 = h("input", { type: "checkbox", id, value: source.key, checked: state.citations.includes(source.key) });
        box2.addEventListener("change", () => {
          state.citations = config.sources.map((s) => s.key).filter((key) => key === source.key ? box2.checked : state.citations.includes(key));
          save();
        });
        return h("span", { class: "cb-option" }, box2, h("label", { for: id }, source.label));
      })
    );
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
    preview
  );
  update();
  return null;
}
var TOULMIN_PARTS, roleOf, DECISIONS, isBlank;
var init_answer_builder = __esm({
  "casebook/widgets/src/kinds/answer-builder.js"() {
    init_constants();
    init_dom();
    init_print();
    TOULMIN_PARTS = [
      ["claim", "Claim", "Your decision, in one or two sentences."],
      ["grounds", "Grounds", "The facts from the case your claim rests on. Pick the sources you rely on below."],
      ["warrant", "Warrant", "Why those facts support the claim: the principle that links them."],
      ["backing", "Backing (optional)", "Support for the warrant: a rule, a precedent, an ethical lens."],
      ["qualifier", "Qualifier (optional)", "How sure you are, and under what conditions."],
      ["rebuttal", "Rebuttal (optional)", "When your claim would not hold; and the strongest objection, with your answer to it."]
    ];
    roleOf = (value) => ROLES.find((role) => role.value === value);
    DECISIONS = Object.fromEntries(ROLES.flatMap((role) => role.options.map((option) => [option.value, option.label])));
    isBlank = (text) => /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(text);
  }
});

// casebook/widgets/src/kinds/argument-weigher.js
var argument_weigher_exports = {};
__export(argument_weigher_exports, {
  balanceOf: () => balanceOf,
  describe: () => describe3,
  printForm: () => printForm3,
  render: () => render3,
  tippingPoint: () => tippingPoint
});
function balanceOf(argumentList, weights) {
  return argumentList.reduce((sum, argument) => sum + (own(weights, argument.id) ?? 0) * (argument.side === "for" ? 1 : -1), 0);
}
function tippingPoint(argumentList, weights) {
  const balance = balanceOf(argumentList, weights);
  if (balance === 0) return null;
  const needed = Math.abs(balance) + 1;
  const leading = balance > 0 ? "for" : "against";
  const candidates = [];
  for (const argument of argumentList) {
    const weight = own(weights, argument.id) ?? 0;
    const to = argument.side === leading ? weight - needed : weight + needed;
    if (to >= 0 && to <= MAX_WEIGHT) candidates.push({ argument, from: weight, to });
  }
  if (!candidates.length) return null;
  const best = candidates.reduce((a, b) => b.from > a.from ? b : a);
  return { ...best, change: needed, others: candidates.length - 1 };
}
function describe3(state, name) {
  const ids = [.../* @__PURE__ */ new Set([...Object.keys(state.weights), ...Object.keys(state.justifications)])];
  return ids.map((id) => {
    const weight = own(state.weights, id);
    const justification = own(state.justifications, id);
    const weighed = weight === void 0 ? "not weighed" : `${weight} (${WEIGHTS[weight]})`;
    return [name("arguments", id), `${weighed}${justification ? `: ${justification}` : ""}`];
  });
}
function printForm3({ config, answer, subheading }) {
  const weights = answer.weights || {};
  const why = answer.justifications || {};
  const side = (name, heading) => [h(subheading, {}, heading), h(
    "ol",
    { class: "cb-print-arguments" },
    config.arguments.filter((a) => a.side === name).map((argument) => h(
      "li",
      {},
      h("p", {}, h("strong", {}, argument.summary), " ", argument.text),
      h("p", {}, "Weight (0 to ", String(MAX_WEIGHT), "): ", blank(own(weights, argument.id)), " Why: ", blank(own(why, argument.id), { wide: true }))
    ))
  )];
  return [
    h("p", { class: "cb-proposition" }, h("strong", {}, "Proposition: "), config.proposition),
    h("p", { class: "cb-hint" }, `Weights: ${WEIGHTS.map((label, weight) => `${weight} ${label}`).join(", ")}. The balance is the sum of the weights for, minus the sum against.`),
    side("for", "Arguments for"),
    side("against", "Arguments against"),
    h("p", {}, "Balance: ", blank(Object.keys(weights).length ? balanceOf(config.arguments, weights) : ""))
  ];
}
function render3({ config, answer, commit, body, subheading }) {
  const state = { weights: { ...answer.weights || {} }, justifications: { ...answer.justifications || {} } };
  const argumentList = config.arguments;
  const maxBalance = MAX_WEIGHT * Math.max(argumentList.filter((a) => a.side === "for").length, argumentList.filter((a) => a.side === "against").length);
  const number = h("p", { class: "cb-balance-number" });
  const fill = h("span", { class: "cb-bar-fill" });
  const bar = h("div", { class: "cb-bar", role: "img" }, h("span", { class: "cb-bar-axis" }), fill);
  const verdict = h("p", { class: "cb-verdict" });
  const tipping = h("p", { class: "cb-tipping" });
  const progress = h("p", { class: "cb-progress" });
  function update() {
    const balance = balanceOf(argumentList, state.weights);
    const weighed = argumentList.filter((a) => Object.hasOwn(state.weights, a.id)).length;
    number.textContent = `Balance: ${balance > 0 ? "+" : ""}${balance}`;
    const share = maxBalance ? Math.abs(balance) / maxBalance : 0;
    fill.style.width = `${(share * 50).toFixed(1)}%`;
    fill.style.left = balance >= 0 ? "50%" : `${(50 - share * 50).toFixed(1)}%`;
    fill.dataset.side = balance > 0 ? "for" : balance < 0 ? "against" : "even";
    bar.setAttribute("aria-label", `Balance ${balance} on a scale from -${maxBalance} (all against) to +${maxBalance} (all for)`);
    if (!weighed) {
      verdict.textContent = "Give the arguments weights to see where the balance falls.";
      tipping.textContent = "";
      tipping.dataset.argument = "";
      progress.textContent = `0 of ${argumentList.length} arguments weighed.`;
      return;
    }
    verdict.textContent = balance > 0 ? "On your weights, the arguments for the proposition prevail." : balance < 0 ? "On your weights, the arguments against the proposition prevail." : "On your weights, the two sides are evenly balanced.";
    const tip = tippingPoint(argumentList, state.weights);
    if (balance === 0) {
      tipping.textContent = "Tipping point: any one-point change to a single argument would tip the balance.";
    } else if (!tip) {
      tipping.textContent = "Tipping point: no change to a single argument's weight could reverse your conclusion.";
    } else {
      const direction = tip.to < tip.from ? "lowering" : "raising";
      const others = tip.others ? ` (${tip.others} other single change${tip.others > 1 ? "s" : ""} of ${tip.change} would too)` : "";
      tipping.textContent = `Tipping point: ${direction} \u201C${tip.argument.summary}\u201D from ${tip.from} to ${tip.to} would reverse your conclusion${others}.`;
    }
    tipping.dataset.argument = tip ? tip.argument.id : "";
    progress.textContent = `${weighed} of ${argumentList.length} arguments weighed.`;
  }
  function argumentBlock(argument) {
    const textId = uniqueId("argument");
    const scale = radioGroup({
      legend: `Weight of \u201C${argument.summary}\u201D`,
      name: uniqueId("weight"),
      options: WEIGHTS.map((label, weight) => ({ value: weight, label: `${weight} ${label}` })),
      value: own(state.weights, argument.id),
      describedBy: textId,
      onChange: (weight) => {
        state.weights[argument.id] = Number(weight);
        update();
        commit(clone(state));
      }
    });
    const why = textField({
      label: "Why this weight? (one line)",
      value: own(state.justifications, argument.id),
      onInput: (text) => {
        state.justifications[argument.id] = text;
        commit(clone(state));
      }
    });
    return h(
      "li",
      { class: "cb-argument", dataset: { id: argument.id } },
      h("p", { class: "cb-argument-summary" }, argument.summary),
      h("p", { id: textId }, argument.text),
      h("p", { class: "cb-meta" }, `${argument.made_by} \xB7 ${argument.basis} \xB7 source: ${argument.source}`),
      scale,
      why
    );
  }
  const column = (side, heading) => h(
    "section",
    { class: `cb-side cb-side-${side}`, "aria-label": heading },
    h(subheading, {}, heading),
    h("ul", { class: "cb-arguments" }, argumentList.filter((a) => a.side === side).map(argumentBlock))
  );
  body.replaceChildren(
    h("p", { class: "cb-proposition" }, h("strong", {}, "Proposition: "), config.proposition),
    h("p", { class: "cb-hint" }, `Give each argument a weight from 0 (${WEIGHTS[0]}) to ${MAX_WEIGHT} (${WEIGHTS[MAX_WEIGHT]}). The balance is the sum of the weights for, minus the sum against.`),
    h("div", { class: "cb-result", "aria-live": "polite" }, number, bar, verdict, tipping, progress),
    h("div", { class: "cb-columns" }, column("for", "Arguments for"), column("against", "Arguments against"))
  );
  update();
  return null;
}
var MAX_WEIGHT;
var init_argument_weigher = __esm({
  "casebook/widgets/src/kinds/argument-weigher.js"() {
    init_constants();
    init_dom();
    init_print();
    MAX_WEIGHT = WEIGHTS.length - 1;
  }
});

// casebook/widgets/src/kinds/forecast.js
var forecast_exports = {};
__export(forecast_exports, {
  brierScore: () => brierScore,
  describe: () => describe4,
  printForm: () => printForm4,
  render: () => render4,
  scoreMeaning: () => scoreMeaning
});
function brierScore(questions, probabilities) {
  const errors = questions.filter((question) => Object.hasOwn(question, "outcome") && own(probabilities, question.id) !== void 0).map((question) => (probabilities[question.id] / 100 - (question.outcome === "yes" ? 1 : 0)) ** 2);
  return errors.length ? errors.reduce((sum, error) => sum + error, 0) / errors.length : null;
}
function scoreMeaning(score, answered, total) {
  if (score === null) return "You made no forecast, so there is no score: below are the questions and what happened.";
  return `Your Brier score is ${score.toFixed(3)}, over the ${answered} of ${total} questions you forecast: 0 would be perfect, 0.25 is what saying 50% to every question scores, and lower is better.`;
}
function describe4(state, name) {
  return Object.entries(state.probabilities).map(([id, probability]) => [name("forecasts", id), `${probability}%`]);
}
function percent(text) {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d{1,3}$/.test(trimmed) && Number(trimmed) <= 100 ? Number(trimmed) : void 0;
}
function renderForecasts({ config, state, commit, body }) {
  const announce = h("p", { class: "cb-announce", role: "status", "aria-live": "polite" });
  const items = config.questions.map((question, index) => {
    const id = uniqueId("forecast");
    const hintId = uniqueId("hint");
    const input = h("input", {
      id,
      type: "number",
      min: 0,
      max: 100,
      step: 1,
      inputmode: "numeric",
      "aria-describedby": hintId
    });
    const given = own(state.probabilities, question.id);
    input.value = given === void 0 ? "" : String(given);
    input.addEventListener("input", () => {
      const value = percent(input.value);
      if (value === void 0) {
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
    return h(
      "li",
      { class: "cb-question", dataset: { id: question.id } },
      h("label", { for: id }, question.question),
      h("p", { class: "cb-hint", id: hintId }, `Your probability that the answer is yes, 0 to 100%. Resolves by ${question.closes}.`),
      h("span", { class: "cb-percent" }, input, " %")
    );
  });
  body.replaceChildren(
    h("p", { class: "cb-hint" }, "For each question, type how likely you think it is, from 0 (certainly not) to 100 (certainly). Leave a field empty to give no forecast."),
    h("ol", { class: "cb-questions" }, items),
    announce
  );
}
function renderResults({ config, state, body }) {
  const score = brierScore(config.questions, state.probabilities);
  const answered = config.questions.filter((question) => own(state.probabilities, question.id) !== void 0).length;
  const rows = config.questions.map((question) => {
    const given = own(state.probabilities, question.id);
    return h(
      "tr",
      { dataset: { id: question.id } },
      h("th", { scope: "row" }, question.question),
      h("td", { class: "cb-given" }, given === void 0 ? "no forecast" : `${given}%`),
      h("td", { class: "cb-outcome" }, question.outcome === "yes" ? "Yes" : "No"),
      h("td", {}, question.resolution, " ", h("span", { class: "cb-meta" }, `(${question.sources.join("; ")})`))
    );
  });
  const results = scrollBox(
    "Your forecasts beside what happened",
    h(
      "table",
      {},
      h("caption", {}, "Your forecasts beside what happened"),
      h("thead", {}, h("tr", {}, ["Question", "Your forecast", "Outcome", "What happened"].map((label) => h("th", { scope: "col" }, label)))),
      h("tbody", {}, rows)
    )
  );
  body.replaceChildren(
    h("div", { class: "cb-result", "aria-live": "polite" }, h("p", { class: "cb-score" }, scoreMeaning(score, answered, config.questions.length))),
    results.cue,
    results.box
  );
  return results.cleanup;
}
function printForm4({ config, answer }) {
  const given = answer.probabilities || {};
  const percent2 = (question) => h("span", {}, blank(own(given, question.id)), " %");
  if (config.reveal) {
    return formTable(
      "Your forecasts beside what happened",
      ["Question", "Your forecast", "Outcome", "What happened"],
      config.questions.map((q) => [q.question, percent2(q), q.outcome === "yes" ? "Yes" : "No", q.resolution])
    );
  }
  return [
    h("p", { class: "cb-hint" }, "For each question, write how likely you think it is that the answer is yes, from 0 (certainly not) to 100 (certainly)."),
    formTable(
      "Your forecasts",
      ["Question", "Resolves by", "Your probability"],
      config.questions.map((q) => [q.question, q.closes, percent2(q)]),
      "cb-print-forecasts"
    )
  ];
}
function render4({ config, answer, commit, body }) {
  const state = { probabilities: { ...answer.probabilities || {} } };
  if (config.reveal) return renderResults({ config, state, body });
  renderForecasts({ config, state, commit, body });
  return null;
}
var init_forecast = __esm({
  "casebook/widgets/src/kinds/forecast.js"() {
    init_dom();
    init_print();
  }
});

// casebook/widgets/src/kinds/source-check.js
var source_check_exports = {};
__export(source_check_exports, {
  describe: () => describe5,
  printForm: () => printForm5,
  render: () => render5
});
function describe5(state, name) {
  return Object.entries(state.labels).map(([id, label]) => [name("statements", id), STATEMENT_LABELS[label]]);
}
function printForm5({ config, answer }) {
  const labels = answer.labels || {};
  return [
    h("p", { class: "cb-hint" }, `Label each statement: ${Object.values(STATEMENT_LABELS).join(", ").toLowerCase()}.`),
    formTable(
      "Statements from the reporting",
      ["#", "Statement", "Your label"],
      config.statements.map((statement, index) => [String(index + 1), statement.text, blank(STATEMENT_LABELS[own(labels, statement.id)], { wide: true })]),
      "cb-print-statements"
    )
  ];
}
function render5({ config, answer, commit, body }) {
  const state = { labels: { ...answer.labels || {} } };
  const score = h("p", { class: "cb-score" });
  function feedbackText(statement) {
    const chosen = own(state.labels, statement.id);
    if (!chosen) return "";
    const verdict = chosen === statement.label ? "\u2713 Correct:" : `\u2717 Not quite: you chose ${STATEMENT_LABELS[chosen].toLowerCase()}, but this is`;
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
      }
    });
    return h("li", { class: "cb-statement", dataset: { id: statement.id } }, h("blockquote", { id: textId }, statement.text), group, feedback);
  });
  body.replaceChildren(
    h("p", { class: "cb-hint" }, "Label each statement from the reporting. You get feedback at once; the answer key is part of the book, so this is a check for yourself."),
    h("div", { class: "cb-result", "aria-live": "polite" }, score),
    h("ol", { class: "cb-statements" }, items)
  );
  updateScore();
  return null;
}
var init_source_check = __esm({
  "casebook/widgets/src/kinds/source-check.js"() {
    init_constants();
    init_dom();
    init_print();
  }
});

// casebook/widgets/src/kinds/written-answer.js
var written_answer_exports = {};
__export(written_answer_exports, {
  describe: () => describe6,
  printForm: () => printForm6,
  render: () => render6
});
function describe6(state) {
  return [["Answer", state.text]];
}
function printForm6({ answer }) {
  return [h("p", { class: "cb-hint" }, "Your answer:"), box(answer.text, 8)];
}
function render6({ config, answer, commit, body }) {
  const words = h("p", { class: "cb-hint", "aria-live": "off" }, wordCount(answer.text || ""));
  const field = textField({
    label: "Your answer",
    hint: "Saved as you type. Write in full sentences and cite the sources you rely on.",
    value: answer.text,
    multiline: true,
    maxLength: config.max_characters,
    onInput: (text) => {
      words.textContent = wordCount(text);
      commit({ text });
    }
  });
  field.querySelector("textarea").rows = 8;
  body.replaceChildren(field, words);
}
var wordCount;
var init_written_answer = __esm({
  "casebook/widgets/src/kinds/written-answer.js"() {
    init_dom();
    init_print();
    wordCount = (text) => `${text.trim() ? text.trim().split(/\s+/).length : 0} words`;
  }
});

// casebook/widgets/src/frame.js
init_constants();
init_dom();

// casebook/answers.schema.json
var answers_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "casebook-answers",
  title: "Casebook answer file",
  description: "A student's answers, exported from the My answers page or saved from Python. Versions 1 to 5 are known; version 1 answers have no 'updated' time; version 3 names the decision-maker by id and offers each four options; version 4 adds forecasts. Written by `python -m casebook.schema` from the widget classes and casebook/vocabulary.py: do not edit. Patterns end with (?![\\s\\S]) rather than $, which in Python would also match before a final newline.",
  type: "object",
  required: [
    "format",
    "version",
    "exported",
    "answers"
  ],
  additionalProperties: false,
  properties: {
    format: {
      const: "casebook-answers"
    },
    version: {
      enum: [
        1,
        2,
        3,
        4,
        5
      ]
    },
    student: {
      type: "string",
      maxLength: 200
    },
    exported: {
      $ref: "#/$defs/time"
    },
    answers: {
      type: "object",
      maxProperties: 500,
      propertyNames: {
        $ref: "#/$defs/key"
      },
      additionalProperties: {
        $ref: "#/$defs/answer"
      }
    }
  },
  allOf: [
    {
      if: {
        properties: {
          version: {
            const: 1
          }
        }
      },
      then: {
        properties: {
          answers: {
            additionalProperties: {
              $ref: "#/$defs/answer-v1"
            }
          }
        }
      }
    },
    {
      if: {
        properties: {
          version: {
            const: 2
          }
        }
      },
      then: {
        properties: {
          answers: {
            additionalProperties: {
              $ref: "#/$defs/answer-v2"
            }
          }
        }
      }
    },
    {
      if: {
        properties: {
          version: {
            const: 3
          }
        }
      },
      then: {
        properties: {
          answers: {
            additionalProperties: {
              $ref: "#/$defs/answer-v3"
            }
          }
        }
      }
    },
    {
      if: {
        properties: {
          version: {
            const: 4
          }
        }
      },
      then: {
        properties: {
          answers: {
            additionalProperties: {
              $ref: "#/$defs/answer-v4"
            }
          }
        }
      }
    },
    {
      if: {
        properties: {
          version: {
            const: 5
          }
        }
      },
      then: {
        properties: {
          answers: {
            additionalProperties: {
              $ref: "#/$defs/answer-v5"
            }
          }
        }
      }
    }
  ],
  $defs: {
    time: {
      description: "A UTC time, e.g. 2026-02-17T22:30:00.000Z.",
      type: "string",
      pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z(?![\\s\\S])"
    },
    key: {
      description: "A widget's stable key, set in the notebook.",
      type: "string",
      pattern: "^[a-z0-9][a-z0-9-]{0,79}(?![\\s\\S])"
    },
    id: {
      description: "The id of a row in the case data (an argument, analogy, dimension or statement).",
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,79}(?![\\s\\S])"
    },
    line: {
      type: "string",
      maxLength: 500
    },
    text: {
      type: "string",
      maxLength: 5e3
    },
    answer: {
      description: "One widget's answer; its state depends on its kind and on the file's version (answer-vN).",
      type: "object",
      required: [
        "kind",
        "state"
      ],
      additionalProperties: false,
      properties: {
        kind: {
          enum: [
            "argument-weigher",
            "analogy-matrix",
            "source-check",
            "answer-builder",
            "forecast",
            "written-answer"
          ]
        },
        title: {
          type: "string",
          maxLength: 300
        },
        page: {
          type: "string",
          maxLength: 300
        },
        updated: {
          $ref: "#/$defs/time"
        },
        state: {
          type: "object"
        }
      }
    },
    "answer-v1": {
      description: "An answer in a file of version 1. Answers carry no time until version 2.",
      allOf: [
        {
          if: {
            properties: {
              kind: {
                const: "argument-weigher"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/argument-weigher"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "analogy-matrix"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/analogy-matrix"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "source-check"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/source-check"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "answer-builder"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/answer-builder-v2"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "forecast"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/forecast"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "written-answer"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/written-answer"
              }
            }
          }
        }
      ],
      properties: {
        kind: {
          enum: [
            "argument-weigher",
            "analogy-matrix",
            "source-check",
            "answer-builder"
          ]
        }
      }
    },
    "answer-v2": {
      description: "An answer in a file of version 2.",
      allOf: [
        {
          if: {
            properties: {
              kind: {
                const: "argument-weigher"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/argument-weigher"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "analogy-matrix"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/analogy-matrix"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "source-check"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/source-check"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "answer-builder"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/answer-builder-v2"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "forecast"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/forecast"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "written-answer"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/written-answer"
              }
            }
          }
        }
      ],
      properties: {
        kind: {
          enum: [
            "argument-weigher",
            "analogy-matrix",
            "source-check",
            "answer-builder"
          ]
        }
      },
      required: [
        "updated"
      ]
    },
    "answer-v3": {
      description: "An answer in a file of version 3.",
      allOf: [
        {
          if: {
            properties: {
              kind: {
                const: "argument-weigher"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/argument-weigher"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "analogy-matrix"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/analogy-matrix"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "source-check"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/source-check"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "answer-builder"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/answer-builder"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "forecast"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/forecast"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "written-answer"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/written-answer"
              }
            }
          }
        }
      ],
      properties: {
        kind: {
          enum: [
            "argument-weigher",
            "analogy-matrix",
            "source-check",
            "answer-builder"
          ]
        }
      },
      required: [
        "updated"
      ]
    },
    "answer-v4": {
      description: "An answer in a file of version 4.",
      allOf: [
        {
          if: {
            properties: {
              kind: {
                const: "argument-weigher"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/argument-weigher"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "analogy-matrix"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/analogy-matrix"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "source-check"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/source-check"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "answer-builder"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/answer-builder"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "forecast"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/forecast"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "written-answer"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/written-answer"
              }
            }
          }
        }
      ],
      properties: {
        kind: {
          enum: [
            "argument-weigher",
            "analogy-matrix",
            "source-check",
            "answer-builder",
            "forecast"
          ]
        }
      },
      required: [
        "updated"
      ]
    },
    "answer-v5": {
      description: "An answer in a file of version 5.",
      allOf: [
        {
          if: {
            properties: {
              kind: {
                const: "argument-weigher"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/argument-weigher"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "analogy-matrix"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/analogy-matrix"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "source-check"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/source-check"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "answer-builder"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/answer-builder"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "forecast"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/forecast"
              }
            }
          }
        },
        {
          if: {
            properties: {
              kind: {
                const: "written-answer"
              }
            }
          },
          then: {
            properties: {
              state: {
                $ref: "#/$defs/written-answer"
              }
            }
          }
        }
      ],
      properties: {
        kind: {
          enum: [
            "argument-weigher",
            "analogy-matrix",
            "source-check",
            "answer-builder",
            "forecast",
            "written-answer"
          ]
        }
      },
      required: [
        "updated"
      ]
    },
    "argument-weigher": {
      description: "A weight from 0 (irrelevant) to 5 (decisive) and a one-line justification per argument.",
      type: "object",
      required: [
        "weights",
        "justifications"
      ],
      additionalProperties: false,
      properties: {
        weights: {
          type: "object",
          propertyNames: {
            $ref: "#/$defs/id"
          },
          additionalProperties: {
            type: "integer",
            minimum: 0,
            maximum: 5
          }
        },
        justifications: {
          type: "object",
          propertyNames: {
            $ref: "#/$defs/id"
          },
          additionalProperties: {
            $ref: "#/$defs/line"
          }
        }
      }
    },
    "analogy-matrix": {
      description: "How well each analogy matches the AI case on each dimension, from 0 (not at all) to 4 (fully); 'own' is the student's own analogy, named in own_analogy.",
      type: "object",
      required: [
        "ratings",
        "own_analogy"
      ],
      additionalProperties: false,
      properties: {
        ratings: {
          type: "object",
          propertyNames: {
            $ref: "#/$defs/id"
          },
          additionalProperties: {
            type: "object",
            propertyNames: {
              $ref: "#/$defs/id"
            },
            additionalProperties: {
              type: "integer",
              minimum: 0,
              maximum: 4
            }
          }
        },
        own_analogy: {
          type: "string",
          maxLength: 200
        }
      }
    },
    "source-check": {
      description: "The kind of statement the student chose for each statement.",
      type: "object",
      required: [
        "labels"
      ],
      additionalProperties: false,
      properties: {
        labels: {
          type: "object",
          propertyNames: {
            $ref: "#/$defs/id"
          },
          additionalProperties: {
            enum: [
              "reported-fact",
              "on-record-claim",
              "anonymous-claim",
              "denial",
              "opinion"
            ]
          }
        }
      }
    },
    "answer-builder": {
      description: "A Toulmin-model answer: the decision-maker's id and the option chosen (casebook/vocabulary.py; empty until chosen), claim, grounds with cited sources, warrant, backing, qualifier, rebuttal.",
      type: "object",
      required: [
        "role",
        "claim",
        "grounds",
        "citations",
        "warrant",
        "backing",
        "qualifier",
        "rebuttal"
      ],
      additionalProperties: false,
      properties: {
        role: {
          enum: [
            "",
            "anthropic",
            "pentagon"
          ]
        },
        decision: {
          enum: [
            "",
            "sign",
            "hold",
            "narrower",
            "withdraw",
            "accept",
            "other-suppliers",
            "restrict",
            "designate"
          ]
        },
        earlier_choice: {
          description: "A choice made under an earlier version's options that has no equivalent now, kept in words.",
          type: "string",
          maxLength: 500
        },
        claim: {
          $ref: "#/$defs/text"
        },
        grounds: {
          $ref: "#/$defs/text"
        },
        citations: {
          type: "array",
          maxItems: 50,
          items: {
            $ref: "#/$defs/id"
          }
        },
        warrant: {
          $ref: "#/$defs/text"
        },
        backing: {
          $ref: "#/$defs/text"
        },
        qualifier: {
          $ref: "#/$defs/text"
        },
        rebuttal: {
          $ref: "#/$defs/text"
        }
      }
    },
    forecast: {
      description: "The student's probability, in whole percent, that each question resolves yes.",
      type: "object",
      required: [
        "probabilities"
      ],
      additionalProperties: false,
      properties: {
        probabilities: {
          type: "object",
          propertyNames: {
            $ref: "#/$defs/id"
          },
          additionalProperties: {
            type: "integer",
            minimum: 0,
            maximum: 100
          }
        }
      }
    },
    "written-answer": {
      description: "The student's written answer to an exercise.",
      type: "object",
      required: [
        "text"
      ],
      additionalProperties: false,
      properties: {
        text: {
          type: "string",
          maxLength: 2e4
        }
      }
    },
    "answer-builder-v2": {
      description: "A Toulmin-model answer: the decision-maker's id and the option chosen (casebook/vocabulary.py; empty until chosen), claim, grounds with cited sources, warrant, backing, qualifier, rebuttal.",
      type: "object",
      required: [
        "role",
        "claim",
        "grounds",
        "citations",
        "warrant",
        "backing",
        "qualifier",
        "rebuttal"
      ],
      additionalProperties: false,
      properties: {
        role: {
          type: "string",
          maxLength: 200
        },
        decision: {
          enum: [
            "",
            "sign",
            "hold",
            "narrower",
            "designate",
            "not-designate"
          ]
        },
        earlier_choice: {
          description: "A choice made under an earlier version's options that has no equivalent now, kept in words.",
          type: "string",
          maxLength: 500
        },
        claim: {
          $ref: "#/$defs/text"
        },
        grounds: {
          $ref: "#/$defs/text"
        },
        citations: {
          type: "array",
          maxItems: 50,
          items: {
            $ref: "#/$defs/id"
          }
        },
        warrant: {
          $ref: "#/$defs/text"
        },
        backing: {
          $ref: "#/$defs/text"
        },
        qualifier: {
          $ref: "#/$defs/text"
        },
        rebuttal: {
          $ref: "#/$defs/text"
        }
      }
    }
  }
};

// casebook/widgets/src/format.js
init_constants();

// casebook/widgets/src/json-schema.js
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function sameJSON(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function hasType(value, type) {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      return false;
  }
}
function where(path) {
  return path.length ? path.join(" \u2192 ") : "the file";
}
function schemaError(schema, value, root = schema, path = []) {
  if (schema.$ref) {
    const target = schema.$ref.replace(/^#\//, "").split("/").reduce((node, part) => node[part], root);
    const error = schemaError(target, value, root, path);
    if (error) return error;
  }
  if ("const" in schema && !sameJSON(value, schema.const)) return `at ${where(path)}, ${JSON.stringify(value)} should be ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.some((option) => sameJSON(option, value))) {
    return `at ${where(path)}, ${JSON.stringify(value)} is not one of ${schema.enum.map((o) => JSON.stringify(o)).join(", ")}`;
  }
  if (schema.type && !hasType(value, schema.type)) return `at ${where(path)}, ${JSON.stringify(value)} is not of type '${schema.type}'`;
  if (typeof value === "string") {
    if (schema.maxLength !== void 0 && [...value].length > schema.maxLength) return `at ${where(path)}, the text is longer than ${schema.maxLength} characters`;
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
      const expected = (schema.description || "another form").replace(/\.$/, "");
      return `at ${where(path)}, ${JSON.stringify(value)} is not valid here (expected: ${expected})`;
    }
  }
  if (typeof value === "number") {
    if (schema.minimum !== void 0 && value < schema.minimum) return `at ${where(path)}, ${value} is less than the minimum of ${schema.minimum}`;
    if (schema.maximum !== void 0 && value > schema.maximum) return `at ${where(path)}, ${value} is greater than the maximum of ${schema.maximum}`;
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== void 0 && value.length > schema.maxItems) return `at ${where(path)}, the list has more than ${schema.maxItems} items`;
    if (schema.items) {
      for (const [index, item] of value.entries()) {
        const error = schemaError(schema.items, item, root, [...path, index]);
        if (error) return error;
      }
    }
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    for (const name of schema.required || []) {
      if (!Object.hasOwn(value, name)) return `at ${where(path)}, '${name}' is a required property`;
    }
    if (schema.maxProperties !== void 0 && keys.length > schema.maxProperties) return `at ${where(path)}, there are more than ${schema.maxProperties} entries`;
    for (const key of keys) {
      if (schema.propertyNames) {
        const error = schemaError(schema.propertyNames, key, root, path);
        if (error) return error;
      }
      const properties = schema.properties || {};
      if (Object.hasOwn(properties, key)) {
        const error = schemaError(properties[key], value[key], root, [...path, key]);
        if (error) return error;
      } else if (schema.additionalProperties === false) {
        return `at ${where(path)}, '${key}' was unexpected`;
      } else if (isObject(schema.additionalProperties)) {
        const error = schemaError(schema.additionalProperties, value[key], root, [...path, key]);
        if (error) return error;
      }
    }
  }
  for (const part of schema.allOf || []) {
    const error = schemaError(part, value, root, path);
    if (error) return error;
  }
  if (schema.if && schema.then && schemaError(schema.if, value, root, path) === null) {
    const error = schemaError(schema.then, value, root, path);
    if (error) return error;
  }
  return null;
}

// casebook/widgets/src/format.js
var AnswerFileError = class extends Error {
  constructor(message, reason = "invalid") {
    super(message);
    this.reason = reason;
  }
};
function now() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
function sortable(time) {
  const [seconds, fraction = ""] = time.slice(0, -1).split(".");
  return `${seconds}.${fraction.padEnd(6, "0")}`;
}
function compareTimes(a, b) {
  const [x, y] = [sortable(a), sortable(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
function isRealTime(text) {
  const [year, month, day, hour, minute, second] = text.match(/\d+/g).map(Number);
  const time = /* @__PURE__ */ new Date(0);
  time.setUTCFullYear(year, month - 1, day);
  time.setUTCHours(hour, minute, second);
  return year >= 1 && time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === day && time.getUTCHours() === hour && time.getUTCMinutes() === minute && time.getUTCSeconds() === second;
}
function isKey(key) {
  return schemaError(answers_schema_default.$defs.key, key, answers_schema_default) === null;
}
function answerEntryError(entry) {
  return schemaError({ allOf: [{ $ref: "#/$defs/answer" }, { $ref: `#/$defs/answer-v${VERSION}` }], required: ["updated"] }, entry, answers_schema_default) || (isRealTime(entry.updated) ? null : `${JSON.stringify(entry.updated)} is not a real time`);
}
function impossibleTime(document2) {
  const times = [["exported", document2.exported]];
  for (const [key, answer] of Object.entries(document2.answers)) if (answer.updated) times.push([`answers \u2192 ${key} \u2192 updated`, answer.updated]);
  const [where2, time] = times.find(([, value]) => !isRealTime(value)) || [];
  return where2 ? `at ${where2}, ${JSON.stringify(time)} is not a real time` : null;
}
function migrateAnswer(answer, version) {
  let migrated = version === 1 ? { ...answer, updated: UNDATED } : answer;
  if (version <= 2 && migrated.kind === "answer-builder" && isObject(migrated.state)) {
    const state = { ...migrated.state };
    const earlier = [];
    const role = Object.hasOwn(V2_ROLES, state.role) ? V2_ROLES[state.role] : "";
    if (state.role && !role) earlier.push(`decision-maker: ${state.role}`);
    let decision = state.decision || "";
    if (Object.hasOwn(V2_RETIRED_DECISIONS, decision)) {
      earlier.push(V2_RETIRED_DECISIONS[decision]);
      decision = "";
    }
    Object.assign(state, { role, decision });
    if (earlier.length) state.earlier_choice = earlier.join("; ");
    migrated = { ...migrated, state };
  }
  return migrated;
}
function migrate(document2) {
  const answers = {};
  for (const [key, answer] of Object.entries(document2.answers)) answers[key] = migrateAnswer(answer, document2.version);
  return { ...document2, version: VERSION, answers };
}
function depth(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length && deepest <= MAX_DEPTH) {
    const [node, level] = stack.pop();
    deepest = Math.max(deepest, level);
    if (node !== null && typeof node === "object") for (const child of Object.values(node)) stack.push([child, level + 1]);
  }
  return deepest;
}
function checkSize(bytes) {
  if (bytes > MAX_BYTES) {
    throw new AnswerFileError(`This file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB); an answer file is at most 5 MB.`, "too-large");
  }
}
function checkAnswerFile(document2) {
  if (!isObject(document2) || document2.format !== FORMAT) {
    throw new AnswerFileError("This is not a casebook answer file (its 'format' is not 'casebook-answers').", "other-format");
  }
  const { version } = document2;
  if (Number.isInteger(version) && version > VERSION) {
    throw new AnswerFileError(
      `This answer file was made by a newer version of the casebook (format version ${version}; this one reads up to ${VERSION}). Use the newer casebook to open it.`,
      "newer-version"
    );
  }
  if (!answers_schema_default.properties.version.enum.includes(version)) {
    throw new AnswerFileError(`This answer file has an unknown format version (${JSON.stringify(version ?? null)}).`, "unknown-version");
  }
  const error = schemaError(answers_schema_default, document2) || impossibleTime(document2);
  if (error) throw new AnswerFileError(`This answer file does not match the answer-file format: ${error}.`);
  return migrate(document2);
}
function readAnswerFile(bytes) {
  checkSize(bytes.length);
  if (bytes.every((byte) => [32, 9, 10, 11, 12, 13].includes(byte))) throw new AnswerFileError("This file is empty.", "empty");
  let document2;
  try {
    document2 = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw new AnswerFileError("This is not a JSON file, so it cannot be an answer file.", "broken");
  }
  if (depth(document2) > MAX_DEPTH) throw new AnswerFileError(`This file nests its values more than ${MAX_DEPTH} deep, so it cannot be an answer file.`);
  return checkAnswerFile(document2);
}
function answerFile(answers, student) {
  const document2 = { format: FORMAT, version: VERSION, exported: now(), answers };
  if (student) document2.student = student;
  return document2;
}
function mergeAnswers(existing, incoming) {
  const merged = { ...existing };
  const changes = [];
  for (const [key, answer] of Object.entries(incoming)) {
    const ours = Object.hasOwn(existing, key) ? existing[key] : void 0;
    let action = "add";
    if (ours) action = compareTimes(answer.updated, ours.updated) > 0 ? "replace" : "keep";
    if (action !== "keep") merged[key] = answer;
    changes.push({ key, action, kind: answer.kind, title: answer.title || key });
  }
  return { merged, changes };
}

// casebook/widgets/src/storage.js
init_constants();
var STORAGE_MESSAGES = {
  unavailable: "Your browser is not letting this page save answers, so they will be lost when you leave. Before leaving, use Download on the My answers page.",
  full: "Your browser's storage is full, so your latest change is not saved. Download your answers from the My answers page, then free some space.",
  unreadable: "Your saved answer for this exercise could not be read, so it starts empty. The unreadable copy is kept, not deleted."
};
function problemOf(error) {
  return error && error.name === "QuotaExceededError" ? "full" : "unavailable";
}
var AnswerStore = class {
  constructor(siteId) {
    this.siteId = siteId;
    this.problem = null;
    try {
      if (window.casebookStorageStandIn) throw new DOMException("The browser refuses storage", "SecurityError");
      this.storage = window.localStorage;
      const probe = `casebook:${siteId}:probe`;
      this.storage.setItem(probe, "1");
      this.storage.removeItem(probe);
    } catch (error) {
      this.storage = null;
      this.problem = problemOf(error);
    }
  }
  itemName(key, version = VERSION) {
    return `casebook:${this.siteId}:v${version}:answer:${key}`;
  }
  /** The saved entry for `key` ({entry} or {entry: null, problem}). */
  read(key) {
    if (!this.storage) return { entry: null, problem: this.problem };
    let version = VERSION;
    let name = this.itemName(key);
    let raw = this.storage.getItem(name);
    while (raw === null && version > 1) {
      version -= 1;
      name = this.itemName(key, version);
      raw = this.storage.getItem(name);
    }
    if (raw === null) return { entry: null, problem: null };
    const migrated = version !== VERSION;
    let entry;
    try {
      entry = JSON.parse(raw);
      if (migrated && isObject(entry)) entry = migrateAnswer(entry, version);
    } catch {
      entry = null;
    }
    if (entry === null || answerEntryError(entry)) {
      this.keepUnreadable(key, name, raw);
      return { entry: null, problem: "unreadable" };
    }
    if (migrated) this.write(key, entry);
    return { entry, problem: null };
  }
  /** Save an entry; returns a problem name, or null when saved. */
  write(key, entry) {
    return this.setItem(this.itemName(key), JSON.stringify(entry));
  }
  /** Set one item; returns a problem name, or null when saved. */
  setItem(name, value) {
    if (!this.storage) return this.problem;
    try {
      this.storage.setItem(name, value);
      return null;
    } catch (error) {
      return problemOf(error);
    }
  }
  /** Move an unreadable value aside (never delete it), so it is not read again. */
  keepUnreadable(key, name, raw) {
    try {
      this.storage.setItem(`casebook:${this.siteId}:unreadable:${key}:${now()}`, raw);
      this.storage.removeItem(name);
    } catch {
    }
  }
  /** Every saved answer, by widget key (older versions migrated). */
  all() {
    const answers = {};
    if (!this.storage) return answers;
    const prefix = new RegExp(`^casebook:${this.siteId.replace(/[^\w-]/g, "\\$&")}:v(\\d+):answer:(.+)$`);
    const names = Array.from({ length: this.storage.length }, (_, index) => this.storage.key(index));
    for (const name of names) {
      const match = name.match(prefix);
      if (match && isKey(match[2]) && !Object.hasOwn(answers, match[2])) {
        const { entry } = this.read(match[2]);
        if (entry) answers[match[2]] = entry;
      }
    }
    return answers;
  }
  readStudent() {
    return this.storage ? this.storage.getItem(`casebook:${this.siteId}:student`) || "" : "";
  }
  /** Save the student's name; returns a problem name, or null when saved. */
  writeStudent(name) {
    return this.setItem(`casebook:${this.siteId}:student`, name);
  }
  /** Remove every answer of this site, of every version, unreadable copies included. */
  clear() {
    if (!this.storage) return;
    const mine = [];
    for (let index = 0; index < this.storage.length; index += 1) {
      const name = this.storage.key(index);
      if (name.startsWith(`casebook:${this.siteId}:`)) mine.push(name);
    }
    for (const name of mine) this.storage.removeItem(name);
  }
};

// casebook/widgets/src/frame.js
function titleLevel(el) {
  for (let section = el.closest("section"); section; section = section.parentElement.closest("section")) {
    const heading = section.querySelector(":scope > :is(h1, h2, h3, h4)");
    if (heading) return Number(heading.tagName[1]) + 1;
  }
  return 3;
}
function mountAnswerWidget({ model, el, host }, kind) {
  const isStatic = Boolean(host && host.static);
  const kindId = model.get("kind");
  const key = model.get("key");
  const title = model.get("title") || KINDS[kindId];
  const status = h("p", { class: "cb-status", role: "status" });
  const body = h("div", { class: "cb-body" });
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
    model.set("answer", lastSent);
    model.save_changes();
    if (store) showProblem(store.write(key, { kind: kindId, title, page: host.page, updated: now(), state: lastSent }));
  }
  const draw = () => kind.render({ config: model.get("config"), answer: clone(answer), commit, body, isStatic, subheading });
  let cleanupKind = draw();
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

// casebook/widgets/src/kinds.js
init_constants();

// import("./kinds/**/*.js") in casebook/widgets/src/kinds.js
var globImport_kinds_js = __glob({
  "./kinds/analogy-matrix.js": () => Promise.resolve().then(() => (init_analogy_matrix(), analogy_matrix_exports)),
  "./kinds/answer-builder.js": () => Promise.resolve().then(() => (init_answer_builder(), answer_builder_exports)),
  "./kinds/argument-weigher.js": () => Promise.resolve().then(() => (init_argument_weigher(), argument_weigher_exports)),
  "./kinds/forecast.js": () => Promise.resolve().then(() => (init_forecast(), forecast_exports)),
  "./kinds/source-check.js": () => Promise.resolve().then(() => (init_source_check(), source_check_exports)),
  "./kinds/written-answer.js": () => Promise.resolve().then(() => (init_written_answer(), written_answer_exports))
});

// casebook/widgets/src/kinds.js
function loadKind(kind) {
  if (!Object.hasOwn(KINDS, kind)) return Promise.reject(new Error(`unknown widget kind ${JSON.stringify(kind)}`));
  return globImport_kinds_js(`./kinds/${kind}.js`);
}
async function loadKinds() {
  const kinds = Object.keys(KINDS);
  return Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await loadKind(kind)])));
}

// casebook/widgets/src/my-answers.js
init_constants();
init_dom();
function describeAnswer(entry, names, kinds) {
  const name = (table, id) => own(own(names, table), id) ?? id;
  return kinds[entry.kind].describe(entry.state, name);
}
function escapeMarkdown(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, "\\$&").replace(/\n/g, "  \n");
}
function answersAsMarkdown(document2, names, kinds) {
  const lines = ["# My answers", ""];
  if (document2.student) lines.push(`Student: ${escapeMarkdown(document2.student)}  `);
  lines.push(`Exported: ${document2.exported}`, "");
  for (const [key, entry] of Object.entries(document2.answers)) {
    lines.push(`## ${escapeMarkdown(entry.title || key)}`, "", `${KINDS[entry.kind]}, last changed ${entry.updated}`, "");
    for (const [label, value] of describeAnswer(entry, names, kinds)) lines.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`);
    lines.push("");
  }
  return lines.join("\n");
}
function fileName(document2, extension) {
  const who = (document2.student || "student").normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "student";
  return `casebook-answers-${who}-${document2.exported.slice(0, 16).replace(/[T:]/g, "-")}.${extension}`;
}
async function renderMyAnswers({ model, el, host }) {
  if (!(host && host.static)) {
    el.replaceChildren(h("p", { class: "cb-note" }, "This page gathers the answers your browser saved on the book's website. In JupyterLab, use each widget's save() and load() methods instead."));
    el.dataset.ready = "true";
    return () => {
    };
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
    }
  });
  function showList() {
    const answers = store.all();
    const keys = Object.keys(answers);
    list.replaceChildren(keys.length ? h("ul", { class: "cb-answers" }, keys.map((key) => {
      const entry = answers[key];
      return h(
        "li",
        { dataset: { key } },
        h("h3", {}, entry.title || key),
        h("p", { class: "cb-meta" }, `${KINDS[entry.kind]} \xB7 last changed ${new Date(entry.updated).toLocaleString()}${entry.page ? ` \xB7 ${entry.page}` : ""}`),
        h("dl", {}, describeAnswer(entry, names, kinds).map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]))
      );
    })) : h("p", { class: "cb-empty" }, "You have no saved answers yet. Answers you give in the chapters appear here."));
    return answers;
  }
  function exportDocument() {
    return answerFile(store.all(), student.querySelector("input").value.trim() || void 0);
  }
  const downloadJson = h("button", { type: "button", onclick: () => {
    const document2 = exportDocument();
    download(fileName(document2, "json"), JSON.stringify(document2, null, 2), "application/json");
    say("Downloaded your answers as a JSON file, which you can import on another computer.");
  } }, "Download answers (JSON)");
  const downloadMarkdown = h("button", { type: "button", onclick: () => {
    const document2 = exportDocument();
    download(fileName(document2, "md"), answersAsMarkdown(document2, names, kinds), "text/markdown");
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
      checkSize(file.size);
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
      const problems = changes.filter((change) => change.action !== "keep").map((change) => store.write(change.key, merged[change.key])).filter(Boolean);
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
      apply,
      cancel
    );
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
    list
  );
  showList();
  el.dataset.ready = "true";
  return () => {
  };
}

// casebook/widgets/src/index.js
async function render7({ model, el, host }) {
  const kind = model.get("kind");
  el.classList.add("cb-widget", `cb-${kind}`);
  if (kind === "my-answers") return renderMyAnswers({ model, el, host });
  return mountAnswerWidget({ model, el, host }, await loadKind(kind));
}
var index_default = { render: render7 };
export {
  AnswerFileError,
  answersAsMarkdown,
  checkAnswerFile,
  index_default as default,
  describeAnswer,
  loadKind,
  loadKinds,
  mergeAnswers,
  readAnswerFile
};
