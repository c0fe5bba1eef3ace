// DOM helpers shared by every widget. Student text only ever goes in as text
// (through `h`), never as HTML.

/** An element with attributes and children; strings become text, never HTML. */
export function h(tag, attributes = {}, ...children) {
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
/** An id no other element of the page has, for tying a label to its control. */
export function uniqueId(prefix) {
  lastId += 1;
  return `cb-${prefix}-${lastId}`;
}

export function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/**
 * The value stored under `key` in `object`, or undefined: own properties only, so
 * that an id such as "constructor" or "toString" (which the answer format allows)
 * never finds what every object inherits.
 */
export function own(object, key) {
  return object && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A group of radio buttons in a fieldset: keyboard-operable, each option labelled. */
export function radioGroup({ legend, name, options, value, onChange, describedBy }) {
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

/** A labelled text input (or textarea), with an optional hint read out with it. */
export function textField({ label, value, onInput, multiline = false, maxLength = 500, hint = "" }) {
  const id = uniqueId("text");
  const hintId = hint ? uniqueId("hint") : null;
  const input = multiline
    ? h("textarea", { id, rows: 3, maxlength: maxLength, "aria-describedby": hintId })
    : h("input", { id, type: "text", maxlength: maxLength, "aria-describedby": hintId });
  input.value = value || "";
  input.addEventListener("input", () => onInput(input.value));
  return h("div", { class: "cb-field" }, h("label", { for: id }, label), hint ? h("p", { class: "cb-hint", id: hintId }, hint) : null, input);
}

/** Offer `text` as a file to download. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A box for a table that may be wider than the page: on a narrow screen it scrolls
 * sideways, can be scrolled from the keyboard (it takes focus and has a name), and shows
 * `cue`, a note in words, while part of the table is out of sight. Put `cue` before `box`;
 * call `cleanup` when the widget goes.
 */
export function scrollBox(label, table) {
  const box = h("div", { class: "cb-table-scroll", tabindex: "0", role: "region", "aria-label": `${label} (scrolls sideways)` }, table);
  const cue = h("p", { class: "cb-scroll-cue cb-hint", hidden: true }, "Scroll sideways to see every column →");
  const update = () => { cue.hidden = box.scrollWidth <= box.clientWidth + 1; };
  // A ResizeObserver reports once when it starts observing, after the box is laid out.
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
  if (observer) observer.observe(box);
  return { box, cue, cleanup: () => observer && observer.disconnect() };
}
