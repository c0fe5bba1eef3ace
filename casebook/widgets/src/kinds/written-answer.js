// A written answer to an exercise: one text box, saved as the student types, on the site
// (in this browser) and live in a notebook (where Python keeps it in an answer file).
// Python: casebook/widgets/written_answer.py (WrittenAnswer).

import { h, textField } from "../dom.js";
import { box } from "../print.js";

/** The answer as (label, value) pairs of plain text, for My answers and the hand-in. */
export function describe(state) {
  return [["Answer", state.text]];
}

/** On paper: a box to write the answer in by hand, or the student's answer. */
export function printForm({ answer }) {
  return [h("p", { class: "cb-hint" }, "Your answer:"), box(answer.text, 8)];
}

const wordCount = (text) => `${text.trim() ? text.trim().split(/\s+/).length : 0} words`;

export function render({ config, answer, commit, body }) {
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
    },
  });
  field.querySelector("textarea").rows = 8;
  body.replaceChildren(field, words);
}
