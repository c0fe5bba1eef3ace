// The front end of every casebook widget, bundled by `make bundle` (esbuild) into
// casebook/widgets/static/casebook.js, the module every widget's _esm points to. It runs
// unchanged live in JupyterLab (through anywidget) and on the static site (through
// casebook/static/casebook-host.js); the README's "The widgets" says the contract.

import { mountAnswerWidget } from "./frame.js";
import { loadKind } from "./kinds.js";
import { renderMyAnswers } from "./my-answers.js";

/**
 * anywidget's render. `host` is what the static site's host adds ({static: true, siteId,
 * page}); live in Jupyter there is none, and the kernel keeps the answers.
 */
async function render({ model, el, host }) {
  const kind = model.get("kind");
  el.classList.add("cb-widget", `cb-${kind}`);
  if (kind === "my-answers") return renderMyAnswers({ model, el, host });
  return mountAnswerWidget({ model, el, host }, await loadKind(kind));
}

export default { render };

// For tests/browser/test_bundle_conformance.py: the answer format and each kind's module.
export { AnswerFileError, checkAnswerFile, mergeAnswers, readAnswerFile } from "./format.js";
export { loadKind, loadKinds } from "./kinds.js";
export { answersAsMarkdown, describeAnswer } from "./my-answers.js";
