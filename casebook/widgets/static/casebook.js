// The front end of every casebook widget: one ES module, used unchanged live in
// JupyterLab (through anywidget) and on the static site (through casebook-host.js).
//
// Each widget has a `kind`; KINDS maps it to a render function. Student text is
// only ever inserted with textContent (through `h`), never as HTML.
//
// Python appends the answer-file format, as defined in casebook/answers.py, to this
// file (casebook/widgets/base.py): the constants FORMAT, VERSION, MAX_BYTES, UNDATED
// and ANSWER_SCHEMA (casebook/answers.schema.json). The browser thus reads, checks and
// writes answers exactly as Python does.

// ------------------------------------------------------------------ DOM helpers

/** An element with attributes and children; strings become text, never HTML. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

let lastId = 0;
function uniqueId(prefix) {
  lastId += 1;
  return `cb-${prefix}-${lastId}`;
}

function now() {
  return new Date().toISOString();
}

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

// ------------------------------------------------------------------ JSON Schema (the subset the answer schema uses)

// Python's tests check that answers.schema.json uses no keyword outside this list.
const SUPPORTED_KEYWORDS = [
  "$schema", "$id", "$ref", "$defs", "title", "description", "type", "const", "enum",
  "pattern", "maxLength", "minimum", "maximum", "items", "maxItems", "required",
  "properties", "additionalProperties", "propertyNames", "maxProperties", "allOf", "if", "then",
];

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameJSON(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hasType(value, type) {
  switch (type) {
    case "object": return isObject(value);
    case "array": return Array.isArray(value);
    case "string": return typeof value === "string";
    case "integer": return Number.isInteger(value);
    case "number": return typeof value === "number" && Number.isFinite(value);
    case "boolean": return typeof value === "boolean";
    case "null": return value === null;
    default: return false;
  }
}

function where(path) {
  return path.length ? path.join(" → ") : "the file";
}

/** The first way `value` breaks `schema`, as a sentence, or null if it conforms. */
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
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return `at ${where(path)}, the text is longer than ${schema.maxLength} characters`;
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
      const expected = (schema.description || "another form").replace(/\.$/, "");
      return `at ${where(path)}, ${JSON.stringify(value)} is not valid here (expected: ${expected})`;
    }
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return `at ${where(path)}, ${value} is less than the minimum of ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `at ${where(path)}, ${value} is greater than the maximum of ${schema.maximum}`;
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `at ${where(path)}, the list has more than ${schema.maxItems} items`;
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
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) return `at ${where(path)}, there are more than ${schema.maxProperties} entries`;
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

// ------------------------------------------------------------------ the answer-file format

class AnswerFileError extends Error {}

/** A dated answer entry ({kind, title, page, updated, state}) as the schema defines it, or an error sentence. */
function answerEntryError(entry) {
  return schemaError({ allOf: [{ $ref: "#/$defs/answer" }], required: ["updated"] }, entry, ANSWER_SCHEMA);
}

/** Whether a time the schema's pattern accepts is also on the calendar (no 30 February, no hour 25). */
function isRealTime(text) {
  const [year, month, day, hour, minute, second] = text.match(/\d+/g).map(Number);
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === day
    && time.getUTCHours() === hour && time.getUTCMinutes() === minute && time.getUTCSeconds() === second;
}

/** The first time in a schema-valid answer file that is not a real time, as a sentence, or null. */
function impossibleTime(document) {
  const times = [["exported", document.exported]];
  for (const [key, answer] of Object.entries(document.answers)) if (answer.updated) times.push([`answers → ${key} → updated`, answer.updated]);
  const [where, time] = times.find(([, value]) => !isRealTime(value)) || [];
  return where ? `at ${where}, ${JSON.stringify(time)} is not a real time` : null;
}

/**
 * One answer saved under `version`, as the current version; as casebook.answers.migrate_answer.
 * Version 1 answers carry no time. Version 2 named the decision-maker in words and offered
 * options since retired: the name becomes its id, and a retired choice is kept in words.
 */
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

/** A parsed answer file of any known version, as the current version. */
function migrateAnswerFile(document) {
  const answers = {};
  for (const [key, answer] of Object.entries(document.answers)) answers[key] = migrateAnswer(answer, document.version);
  return { ...document, version: VERSION, answers };
}

/** Check and migrate the text of an answer file; throws AnswerFileError saying why it cannot be used. */
function readAnswerFile(text, bytes) {
  if (bytes > MAX_BYTES) {
    throw new AnswerFileError(`This file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB); an answer file is at most 5 MB.`);
  }
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    throw new AnswerFileError("This is not a JSON file, so it cannot be an answer file.");
  }
  if (!isObject(document) || document.format !== FORMAT) {
    throw new AnswerFileError("This is not a casebook answer file (its 'format' is not 'casebook-answers').");
  }
  if (Number.isInteger(document.version) && document.version > VERSION) {
    throw new AnswerFileError(
      `This answer file was made by a newer version of the casebook (format version ${document.version}; this one reads up to ${VERSION}). Use the newer casebook to open it.`,
    );
  }
  if (!ANSWER_SCHEMA.properties.version.enum.includes(document.version)) {
    throw new AnswerFileError(`This answer file has an unknown format version (${JSON.stringify(document.version)}).`);
  }
  const error = schemaError(ANSWER_SCHEMA, document) || impossibleTime(document);
  if (error) throw new AnswerFileError(`This answer file does not match the answer-file format: ${error}.`);
  return migrateAnswerFile(document);
}

function answerFile(answers, student) {
  const document = { format: FORMAT, version: VERSION, exported: now(), answers };
  if (student) document.student = student;
  return document;
}

/** Merge incoming answers by key, the newer winning; nothing is deleted. */
function mergeAnswers(existing, incoming) {
  const merged = { ...existing };
  const changes = [];
  for (const [key, answer] of Object.entries(incoming)) {
    const ours = Object.hasOwn(existing, key) ? existing[key] : undefined;
    let action = "add";
    if (ours) action = Date.parse(answer.updated) > Date.parse(ours.updated) ? "replace" : "keep";
    if (action !== "keep") merged[key] = answer;
    changes.push({ key, action, kind: answer.kind, title: answer.title || key });
  }
  return { merged, changes };
}

// ------------------------------------------------------------------ saving in the browser

const STORAGE_MESSAGES = {
  unavailable: "Your browser is not letting this page save answers, so they will be lost when you leave. Before leaving, use Download on the My answers page.",
  full: "Your browser's storage is full, so your latest change is not saved. Download your answers from the My answers page, then free some space.",
  unreadable: "Your saved answer for this exercise could not be read, so it starts empty. The unreadable copy is kept, not deleted.",
};

/**
 * Answers kept in localStorage, under casebook:<site id>:v<format version>:answer:<widget key>.
 * Answers saved under an older version are migrated when read. Any failure of
 * storage is reported in `problem`, never thrown: the widget keeps working in memory.
 */
class AnswerStore {
  constructor(siteId) {
    this.siteId = siteId;
    this.problem = null;
    try {
      // Where the browser refuses storage, the site puts a stand-in that forgets on
      // leaving the page (casebook/templates/layout.html): answers are not kept there.
      if (window.casebookStorageStandIn) throw new DOMException("The browser refuses storage", "SecurityError");
      this.storage = window.localStorage;
      const probe = `casebook:${siteId}:probe`;
      this.storage.setItem(probe, "1");
      this.storage.removeItem(probe);
    } catch (error) {
      this.storage = null;
      this.problem = error && error.name === "QuotaExceededError" ? "full" : "unavailable";
    }
  }

  itemName(key, version = VERSION) {
    return `casebook:${this.siteId}:v${version}:answer:${key}`;
  }

  /** The saved entry for `key` ({entry} or {entry: null, problem}). */
  read(key) {
    if (!this.storage) return { entry: null, problem: this.problem };
    // The newest version saved wins; an older one is migrated, then saved as the current version.
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
    if (entry === null || answerEntryError(entry) || !isRealTime(entry.updated)) {
      this.keepUnreadable(key, name, raw);
      return { entry: null, problem: "unreadable" };
    }
    if (migrated) this.write(key, entry);
    return { entry, problem: null };
  }

  /** Save an entry; returns a problem name, or null when saved. */
  write(key, entry) {
    if (!this.storage) return this.problem;
    try {
      this.storage.setItem(this.itemName(key), JSON.stringify(entry));
      return null;
    } catch (error) {
      return error && error.name === "QuotaExceededError" ? "full" : "unavailable";
    }
  }

  /** Move an unreadable value aside (never delete it), so it is not read again. */
  keepUnreadable(key, name, raw) {
    try {
      this.storage.setItem(`casebook:${this.siteId}:unreadable:${key}:${now()}`, raw);
      this.storage.removeItem(name);
    } catch {
      // Leave the unreadable value where it is rather than lose it.
    }
  }

  /** Every saved answer, by widget key (older versions migrated). */
  all() {
    const answers = {};
    if (!this.storage) return answers;
    const prefix = new RegExp(`^casebook:${this.siteId.replace(/[^\w-]/g, "\\$&")}:v(\\d+):answer:(.+)$`);
    // Reading may migrate or move items, so walk a copy of the names.
    const names = Array.from({ length: this.storage.length }, (_, index) => this.storage.key(index));
    for (const name of names) {
      const match = name.match(prefix);
      if (match && !Object.hasOwn(answers, match[2])) {
        const { entry } = this.read(match[2]);
        if (entry) answers[match[2]] = entry;
      }
    }
    return answers;
  }

  readStudent() {
    return this.storage ? this.storage.getItem(`casebook:${this.siteId}:student`) || "" : "";
  }

  writeStudent(name) {
    if (this.storage) this.storage.setItem(`casebook:${this.siteId}:student`, name);
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
}

// ------------------------------------------------------------------ scoring (pure functions)

const WEIGHT_NAMES = ["irrelevant", "minor", "some weight", "important", "strong", "decisive"];
const MAX_WEIGHT = 5;

/** Sum of weights for, minus sum against; an argument not yet weighed counts 0. */
function balanceOf(argumentList, weights) {
  return argumentList.reduce((sum, argument) => sum + (weights[argument.id] ?? 0) * (argument.side === "for" ? 1 : -1), 0);
}

/**
 * The single argument whose smallest change of weight (within 0–5) reverses the
 * sign of the balance, or null when no single change can. Several arguments may
 * need the same change; the one the student weighted most is named (then the
 * first in the list), and `others` counts the rest.
 */
function tippingPoint(argumentList, weights) {
  const balance = balanceOf(argumentList, weights);
  if (balance === 0) return null;
  const needed = Math.abs(balance) + 1;
  const leading = balance > 0 ? "for" : "against";
  const candidates = [];
  for (const argument of argumentList) {
    const weight = weights[argument.id] ?? 0;
    const to = argument.side === leading ? weight - needed : weight + needed;
    if (to >= 0 && to <= MAX_WEIGHT) candidates.push({ argument, from: weight, to });
  }
  if (!candidates.length) return null;
  const best = candidates.reduce((a, b) => (b.from > a.from ? b : a));
  return { ...best, change: needed, others: candidates.length - 1 };
}

function meanOf(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

// ------------------------------------------------------------------ shared widget frame

const KIND_NAMES = {
  "argument-weigher": "Argument weigher",
  "analogy-matrix": "Analogy fit matrix",
  "source-check": "Source check",
  "answer-builder": "Answer builder",
};

/**
 * Mount a widget that keeps a student's answer: restore it (from the kernel live,
 * from localStorage on the static site), render the kind, and save every change.
 */
function mountAnswerWidget({ model, el, host }, renderKind) {
  const isStatic = Boolean(host && host.static);
  const kind = model.get("kind");
  const key = model.get("key");
  const status = h("p", { class: "cb-status", role: "status" });
  const body = h("div", { class: "cb-body" });
  el.replaceChildren(h("h3", { class: "cb-title" }, model.get("title") || KIND_NAMES[kind]), status, body);

  const store = isStatic ? new AnswerStore(host.siteId) : null;
  let answer = clone(model.get("answer"));
  if (store) {
    const { entry, problem } = store.read(key);
    if (entry && entry.kind === kind) answer = entry.state;
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
    model.set("updated", now());
    model.save_changes();
    if (store) {
      const entry = { kind, title: model.get("title") || KIND_NAMES[kind], page: host.page, updated: model.get("updated"), state: lastSent };
      showProblem(store.write(key, entry));
    }
  }

  let cleanup = renderKind({ config: model.get("config"), answer: clone(answer), commit, body, isStatic });
  if (!isStatic) {
    // Live, the kernel is authoritative: redraw when Python changes the answer.
    const onKernelChange = () => {
      if (model.get("answer") === lastSent) return;
      answer = clone(model.get("answer"));
      if (cleanup) cleanup();
      cleanup = renderKind({ config: model.get("config"), answer: clone(answer), commit, body, isStatic });
    };
    model.on("change:answer", onKernelChange);
    const previous = cleanup;
    cleanup = () => {
      model.off("change:answer", onKernelChange);
      if (previous) previous();
    };
  }
  el.dataset.ready = "true";
  return () => cleanup && cleanup();
}

/** A group of radio buttons in a fieldset: keyboard-operable, each option labelled. */
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
  const input = multiline
    ? h("textarea", { id, rows: 3, maxlength: maxLength, "aria-describedby": hintId })
    : h("input", { id, type: "text", maxlength: maxLength, "aria-describedby": hintId });
  input.value = value || "";
  input.addEventListener("input", () => onInput(input.value));
  return h("div", { class: "cb-field" }, h("label", { for: id }, label), hint ? h("p", { class: "cb-hint", id: hintId }, hint) : null, input);
}

// ------------------------------------------------------------------ argument weigher

function renderWeigher({ config, answer, commit, body }) {
  const state = { weights: { ...(answer.weights || {}) }, justifications: { ...(answer.justifications || {}) } };
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
    const weighed = argumentList.filter((a) => a.id in state.weights).length;
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
    verdict.textContent =
      balance > 0 ? "On your weights, the arguments for the proposition prevail."
        : balance < 0 ? "On your weights, the arguments against the proposition prevail."
          : "On your weights, the two sides are evenly balanced.";
    const tip = tippingPoint(argumentList, state.weights);
    if (balance === 0) {
      tipping.textContent = "Tipping point: any one-point change to a single argument would tip the balance.";
    } else if (!tip) {
      tipping.textContent = "Tipping point: no change to a single argument's weight could reverse your conclusion.";
    } else {
      const direction = tip.to < tip.from ? "lowering" : "raising";
      const others = tip.others ? ` (${tip.others} other single change${tip.others > 1 ? "s" : ""} of ${tip.change} would too)` : "";
      tipping.textContent =
        `Tipping point: ${direction} “${tip.argument.summary}” from ${tip.from} to ${tip.to} would reverse your conclusion${others}.`;
    }
    tipping.dataset.argument = tip ? tip.argument.id : "";
    progress.textContent = `${weighed} of ${argumentList.length} arguments weighed.`;
  }

  function argumentBlock(argument) {
    const name = uniqueId("weight");
    const textId = uniqueId("argument");
    const scale = radioGroup({
      legend: `Weight of “${argument.summary}”`,
      name,
      options: WEIGHT_NAMES.map((label, weight) => ({ value: weight, label: `${weight} ${label}` })),
      value: state.weights[argument.id],
      describedBy: textId,
      onChange: (weight) => {
        state.weights[argument.id] = Number(weight);
        update();
        commit(clone(state));
      },
    });
    const why = textField({
      label: "Why this weight? (one line)",
      value: state.justifications[argument.id],
      onInput: (text) => {
        state.justifications[argument.id] = text;
        commit(clone(state));
      },
    });
    return h(
      "li",
      { class: "cb-argument", dataset: { id: argument.id } },
      h("p", { class: "cb-argument-summary" }, argument.summary),
      h("p", { id: textId }, argument.text),
      h("p", { class: "cb-meta" }, `${argument.made_by} · ${argument.basis} · source: ${argument.source}`),
      scale,
      why,
    );
  }

  const column = (side, heading) =>
    h("section", { class: `cb-side cb-side-${side}`, "aria-label": heading }, h("h4", {}, heading),
      h("ul", { class: "cb-arguments" }, argumentList.filter((a) => a.side === side).map(argumentBlock)));

  body.replaceChildren(
    h("p", { class: "cb-proposition" }, h("strong", {}, "Proposition: "), config.proposition),
    h("p", { class: "cb-hint" }, "Give each argument a weight from 0 (irrelevant) to 5 (decisive). The balance is the sum of the weights for, minus the sum against."),
    h("div", { class: "cb-result", "aria-live": "polite" }, number, bar, verdict, tipping, progress),
    h("div", { class: "cb-columns" }, column("for", "Arguments for"), column("against", "Arguments against")),
  );
  update();
  return null;
}

// ------------------------------------------------------------------ analogy fit matrix

const FIT_LABELS = ["0 not at all", "1 barely", "2 partly", "3 mostly", "4 fully"];

function renderAnalogyMatrix({ config, answer, commit, body }) {
  const state = { ratings: clone(answer.ratings || {}), own_analogy: answer.own_analogy || "" };
  const analogies = [...config.analogies, { id: "own", name: "", description: "An analogy of your own: name it below." }];
  const summaries = new Map();
  const overall = h("p", { class: "cb-overall" });

  const nameOf = (analogy) => (analogy.id === "own" ? state.own_analogy.trim() || "Your own analogy" : analogy.name);

  function update() {
    const lines = [];
    for (const analogy of analogies) {
      const ratings = state.ratings[analogy.id] || {};
      const rated = config.dimensions.filter((d) => d.id in ratings);
      const fit = meanOf(rated.map((d) => ratings[d.id]));
      const breaks = rated.filter((d) => ratings[d.id] <= 1).map((d) => d.name);
      const cell = summaries.get(analogy.id);
      cell.fit.textContent = fit === null ? "not rated yet" : `${fit.toFixed(1)} of 4 (${rated.length} of ${config.dimensions.length} rated)`;
      cell.breaks.textContent = breaks.length ? `Breaks on: ${breaks.join(", ")}` : rated.length ? "Breaks on: none so far" : "";
      cell.name.textContent = nameOf(analogy);
      if (fit !== null) lines.push(`${nameOf(analogy)}: fit ${fit.toFixed(1)} of 4${breaks.length ? `, breaks on ${breaks.join(", ")}` : ""}`);
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
      const current = (state.ratings[analogy.id] || {})[dimension.id];
      select.value = current === undefined ? "" : String(current);
      select.addEventListener("change", () => {
        const ratings = { ...(state.ratings[analogy.id] || {}) };
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

  body.replaceChildren(
    h("p", { class: "cb-hint" }, "For each analogy and each dimension, rate how well the analogy matches the AI case, from 0 (not at all) to 4 (fully). A rating of 0 or 1 marks where the analogy breaks."),
    h("dl", { class: "cb-dimensions" }, config.dimensions.map((d) => [h("dt", {}, d.name), h("dd", {}, d.question, " ", h("em", {}, "The AI case: "), d.ai_case)])),
    h("ul", { class: "cb-analogies" }, config.analogies.map((a) => h("li", {}, h("strong", {}, a.name), ": ", a.description, ` (${a.sources})`))),
    ownName,
    h("div", { class: "cb-table-scroll" }, h("table", { class: "cb-matrix" }, h("caption", {}, "How well each analogy fits the AI case"), h("thead", {}, head), h("tbody", {}, rows))),
    h("div", { class: "cb-result", "aria-live": "polite" }, overall),
  );
  update();
  return null;
}

// ------------------------------------------------------------------ source check

function renderSourceCheck({ config, answer, commit, body }) {
  const state = { labels: { ...(answer.labels || {}) } };
  const labelNames = Object.fromEntries(config.labels.map((label) => [label.value, label.name]));
  const score = h("p", { class: "cb-score" });

  function feedbackText(statement) {
    const chosen = state.labels[statement.id];
    if (!chosen) return "";
    const verdict = chosen === statement.label ? "✓ Correct:" : `✗ Not quite: you chose ${labelNames[chosen].toLowerCase()}, but this is`;
    return `${verdict} ${labelNames[statement.label].toLowerCase()}. ${statement.explanation} Attribution in the text: ${statement.attribution}`;
  }

  function updateScore() {
    const answered = config.statements.filter((s) => s.id in state.labels);
    const right = answered.filter((s) => state.labels[s.id] === s.label).length;
    score.textContent = `${answered.length} of ${config.statements.length} labelled; ${right} correct.`;
  }

  const items = config.statements.map((statement) => {
    const feedback = h("p", { class: "cb-feedback", "aria-live": "polite" }, feedbackText(statement));
    const textId = uniqueId("statement");
    const group = radioGroup({
      legend: "What kind of statement is this?",
      name: uniqueId("label"),
      options: config.labels.map((label) => ({ value: label.value, label: label.name })),
      value: state.labels[statement.id],
      describedBy: textId,
      onChange: (value) => {
        state.labels[statement.id] = value;
        feedback.textContent = feedbackText(statement);
        feedback.dataset.correct = String(value === statement.label);
        updateScore();
        commit(clone(state));
      },
    });
    if (statement.id in state.labels) feedback.dataset.correct = String(state.labels[statement.id] === statement.label);
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

// ------------------------------------------------------------------ answer builder

const TOULMIN_PARTS = [
  ["claim", "Claim", "Your decision, in one or two sentences."],
  ["grounds", "Grounds", "The facts from the case your claim rests on. Pick the sources you rely on below."],
  ["warrant", "Warrant", "Why those facts support the claim: the principle that links them."],
  ["backing", "Backing (optional)", "Support for the warrant: a rule, a precedent, an ethical lens."],
  ["qualifier", "Qualifier (optional)", "How sure you are, and under what conditions."],
  ["rebuttal", "Rebuttal (optional)", "When your claim would not hold; and the strongest objection, with your answer to it."],
];

/** The answer as plain text, for the preview and for handing in. */
function assembleAnswer(state, config) {
  const sourceNames = Object.fromEntries(config.sources.map((s) => [s.key, s.label]));
  const decisions = Object.fromEntries(config.roles.flatMap((r) => r.options.map((o) => [o.value, o.label])));
  const role = config.roles.find((r) => r.value === state.role);
  const lines = [`As ${role ? role.name : "(no decision-maker chosen)"}: ${decisions[state.decision] || "(no decision chosen)"}`, ""];
  for (const [part, name] of TOULMIN_PARTS) {
    const text = state[part].trim();
    if (text) lines.push(`${name.replace(/ \(optional\)$/, "")}: ${text}`);
    if (part === "grounds" && state.citations.length) lines.push(`Sources: ${state.citations.map((key) => sourceNames[key] || key).join("; ")}`);
  }
  return lines.join("\n");
}

/** What the core still lacks; the core parts are Python's (casebook/widgets/answer_builder.py). */
function missingCoreParts(state, config) {
  const missing = config.core_parts.filter((part) => !state[part].trim());
  if (!missing.includes("grounds") && !state.citations.length) missing.push("a source for the grounds");
  if (!state.decision) missing.unshift("a decision");
  if (!state.role) missing.unshift("a decision-maker");
  return missing;
}

function renderAnswerBuilder({ config, answer, commit, body }) {
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
    const role = config.roles.find((r) => r.value === state.role);
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
    options: config.roles.map((r) => ({ value: r.value, label: `${r.name}: ${r.question}` })),
    value: state.role,
    onChange: (value) => {
      const options = config.roles.find((r) => r.value === value).options.map((o) => o.value);
      state.role = value;
      if (!options.includes(state.decision)) state.decision = "";
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
    h("h4", {}, "Preview"),
    preview,
  );
  update();
  return null;
}

// ------------------------------------------------------------------ my answers

/** An answer as (label, value) pairs of plain text, for the list and for handing in. */
function describeAnswer(entry, names) {
  const state = entry.state;
  const name = (table, id) => (names[table] || {})[id] || id;
  switch (entry.kind) {
    case "argument-weigher": {
      const ids = [...new Set([...Object.keys(state.weights), ...Object.keys(state.justifications)])];
      return ids.map((id) => {
        const weight = Object.hasOwn(state.weights, id) ? `${state.weights[id]} (${WEIGHT_NAMES[state.weights[id]]})` : "not weighed";
        return [name("arguments", id), `${weight}${state.justifications[id] ? `: ${state.justifications[id]}` : ""}`];
      });
    }
    case "analogy-matrix":
      return [
        ...(state.own_analogy ? [["Own analogy", state.own_analogy]] : []),
        ...Object.entries(state.ratings).flatMap(([analogy, ratings]) => Object.entries(ratings).map(([dimension, value]) => [
          `${analogy === "own" ? state.own_analogy || "Own analogy" : name("analogies", analogy)}, ${name("dimensions", dimension)}`,
          FIT_LABELS[value],
        ])),
      ];
    case "source-check":
      return Object.entries(state.labels).map(([id, label]) => [name("statements", id), name("labels", label)]);
    case "answer-builder":
      return [["Decision-maker", name("roles", state.role)], ["Decision", name("decisions", state.decision || "")],
        ["Earlier choice (no longer offered)", state.earlier_choice || ""], ...TOULMIN_PARTS.map(([part, label]) => [label, state[part]]),
        ["Sources", state.citations.map((key) => name("sources", key)).join("; ")]].filter(([, value]) => value);
    default:
      return [];
  }
}

/** Backslash-escape the characters Markdown gives meaning to, so student text shows exactly as typed. */
function escapeMarkdown(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, "\\$&").replace(/\n/g, "  \n");
}

function answersAsMarkdown(document, names) {
  const lines = ["# My answers", ""];
  if (document.student) lines.push(`Student: ${escapeMarkdown(document.student)}  `);
  lines.push(`Exported: ${document.exported}`, "");
  for (const [key, entry] of Object.entries(document.answers)) {
    lines.push(`## ${escapeMarkdown(entry.title || key)}`, "", `${KIND_NAMES[entry.kind]}, last changed ${entry.updated}`, "");
    for (const [label, value] of describeAnswer(entry, names)) lines.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`);
    lines.push("");
  }
  return lines.join("\n");
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function renderMyAnswers({ model, el, host }) {
  el.classList.add("cb-widget", "cb-my-answers");
  if (!(host && host.static)) {
    el.replaceChildren(h("p", { class: "cb-note" }, "This page gathers the answers your browser saved on the book's website. In JupyterLab, use each widget's save() and load() methods instead."));
    el.dataset.ready = "true";
    return () => {};
  }
  const names = model.get("config").names;
  const store = new AnswerStore(host.siteId);
  const message = h("p", { class: "cb-message", role: "status", "aria-live": "polite" });
  const list = h("div", { class: "cb-answer-list" });
  const pending = h("div", { class: "cb-import-preview" });
  const student = textField({ label: "Your name (included in downloads):", value: store.readStudent(), maxLength: 200, onInput: (text) => store.writeStudent(text) });

  function say(text, kind = "info") {
    message.textContent = text;
    message.dataset.kind = kind;
  }

  function showList() {
    const answers = store.all();
    const keys = Object.keys(answers);
    list.replaceChildren(keys.length
      ? h("ul", { class: "cb-answers" }, keys.map((key) => {
        const entry = answers[key];
        return h("li", { dataset: { key } },
          h("h3", {}, entry.title || key),
          h("p", { class: "cb-meta" }, `${KIND_NAMES[entry.kind]} · last changed ${new Date(entry.updated).toLocaleString()}${entry.page ? ` · ${entry.page}` : ""}`),
          h("dl", {}, describeAnswer(entry, names).map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])));
      }))
      : h("p", { class: "cb-empty" }, "You have no saved answers yet. Answers you give in the chapters appear here."));
    return answers;
  }

  function exportDocument() {
    return answerFile(store.all(), student.querySelector("input").value.trim() || undefined);
  }

  /** A file name that tells students' downloads apart when an instructor collects them in one folder. */
  function fileName(document, extension) {
    const who = (document.student || "student").normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "student";
    return `casebook-answers-${who}-${document.exported.slice(0, 16).replace(/[T:]/g, "-")}.${extension}`;
  }

  const downloadJson = h("button", { type: "button", onclick: () => {
    const document = exportDocument();
    download(fileName(document, "json"), JSON.stringify(document, null, 2), "application/json");
    say("Downloaded your answers as a JSON file, which you can import on another computer.");
  } }, "Download answers (JSON)");
  const downloadMarkdown = h("button", { type: "button", onclick: () => {
    const document = exportDocument();
    download(fileName(document, "md"), answersAsMarkdown(document, names), "text/markdown");
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
      incoming = readAnswerFile(file.size > MAX_BYTES ? "" : await file.text(), file.size);
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
    h("h3", {}, "Your saved answers"),
    list,
  );
  showList();
  el.dataset.ready = "true";
  return () => {};
}

// ------------------------------------------------------------------ entry point

const KINDS = {
  "argument-weigher": renderWeigher,
  "analogy-matrix": renderAnalogyMatrix,
  "source-check": renderSourceCheck,
  "answer-builder": renderAnswerBuilder,
};

function render({ model, el, host }) {
  const kind = model.get("kind");
  el.classList.add("cb-widget", `cb-${kind}`);
  if (kind === "my-answers") return renderMyAnswers({ model, el, host });
  return mountAnswerWidget({ model, el, host }, KINDS[kind]);
}

export default { render };
