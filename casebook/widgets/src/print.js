// What every kind's print form is made of: blanks a student fills in by hand, or, where
// the browser has the student's saved answer, that answer written in. The forms are drawn
// beside the screen view and shown only on paper (casebook.css, @media print).

import { h } from "./dom.js";

/** A blank to write on, or the given text in its place (as text, never HTML). */
export function blank(text, { wide = false } = {}) {
  const filled = text !== undefined && text !== null && String(text).trim() !== "";
  return h("span", { class: `cb-blank${wide ? " cb-blank-wide" : ""}${filled ? " cb-filled" : ""}` }, filled ? String(text) : " ");
}

/** A box for a paragraph of handwriting, or the student's paragraph. */
export function box(text, lines = 4) {
  const filled = text !== undefined && text !== null && String(text).trim() !== "";
  return h("div", { class: `cb-box${filled ? " cb-filled" : ""}`, style: filled ? null : `min-height: ${lines * 1.6}em` }, filled ? String(text) : "");
}

/** A box to tick, ticked when `checked`: a character, so that it prints without borders or fonts. */
export const tick = (checked) => h("span", { class: "cb-tick", "aria-hidden": "true" }, checked ? "☒" : "☐");

/** A table with a caption, a header row, and rows of cells (strings or elements). */
export function formTable(caption, header, rows, className = "") {
  return h("table", { class: `cb-form-table ${className}` },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, header.map((label) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell, index) => (index === 0 ? h("th", { scope: "row" }, cell) : h("td", {}, cell)))))));
}
