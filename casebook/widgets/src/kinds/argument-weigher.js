// The argument weigher: weigh each argument for and against a proposition from 0 to
// 5, and see where the balance falls and what single change would tip it.
// Python: casebook/widgets/weigher.py (ArgumentWeigher).

import { WEIGHTS } from "../constants.json";
import { clone, h, own, radioGroup, textField, uniqueId } from "../dom.js";
import { blank } from "../print.js";

const MAX_WEIGHT = WEIGHTS.length - 1;

/** Sum of weights for, minus sum against; an argument not yet weighed counts 0 (as ArgumentWeigher.balance). */
export function balanceOf(argumentList, weights) {
  return argumentList.reduce((sum, argument) => sum + (own(weights, argument.id) ?? 0) * (argument.side === "for" ? 1 : -1), 0);
}

/**
 * The single argument whose smallest change of weight (within the scale) reverses the
 * sign of the balance, or null when no single change can. Several arguments may need
 * the same change; the one the student weighted most is named (then the first in the
 * list), and `others` counts the rest.
 */
export function tippingPoint(argumentList, weights) {
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
  const best = candidates.reduce((a, b) => (b.from > a.from ? b : a));
  return { ...best, change: needed, others: candidates.length - 1 };
}

/** The answer as (label, value) pairs of plain text, for My answers and the hand-in. */
export function describe(state, name) {
  const ids = [...new Set([...Object.keys(state.weights), ...Object.keys(state.justifications)])];
  return ids.map((id) => {
    const weight = own(state.weights, id);
    const justification = own(state.justifications, id);
    const weighed = weight === undefined ? "not weighed" : `${weight} (${WEIGHTS[weight]})`;
    return [name("arguments", id), `${weighed}${justification ? `: ${justification}` : ""}`];
  });
}

/** On paper: the proposition, then each argument with a box for its weight and a line for why. */
export function printForm({ config, answer, subheading }) {
  const weights = answer.weights || {};
  const why = answer.justifications || {};
  const side = (name, heading) => [h(subheading, {}, heading), h("ol", { class: "cb-print-arguments" },
    config.arguments.filter((a) => a.side === name).map((argument) => h("li", {},
      h("p", {}, h("strong", {}, argument.summary), " ", argument.text),
      h("p", {}, "Weight (0 to ", String(MAX_WEIGHT), "): ", blank(own(weights, argument.id)), " Why: ", blank(own(why, argument.id), { wide: true })))))];
  return [
    h("p", { class: "cb-proposition" }, h("strong", {}, "Proposition: "), config.proposition),
    h("p", { class: "cb-hint" }, `Weights: ${WEIGHTS.map((label, weight) => `${weight} ${label}`).join(", ")}. The balance is the sum of the weights for, minus the sum against.`),
    side("for", "Arguments for"),
    side("against", "Arguments against"),
    h("p", {}, "Balance: ", blank(Object.keys(weights).length ? balanceOf(config.arguments, weights) : "")),
  ];
}

export function render({ config, answer, commit, body, subheading }) {
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
    const textId = uniqueId("argument");
    const scale = radioGroup({
      legend: `Weight of “${argument.summary}”`,
      name: uniqueId("weight"),
      options: WEIGHTS.map((label, weight) => ({ value: weight, label: `${weight} ${label}` })),
      value: own(state.weights, argument.id),
      describedBy: textId,
      onChange: (weight) => {
        state.weights[argument.id] = Number(weight);
        update();
        commit(clone(state));
      },
    });
    const why = textField({
      label: "Why this weight? (one line)",
      value: own(state.justifications, argument.id),
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
    h("section", { class: `cb-side cb-side-${side}`, "aria-label": heading }, h(subheading, {}, heading),
      h("ul", { class: "cb-arguments" }, argumentList.filter((a) => a.side === side).map(argumentBlock)));

  body.replaceChildren(
    h("p", { class: "cb-proposition" }, h("strong", {}, "Proposition: "), config.proposition),
    h("p", { class: "cb-hint" }, `Give each argument a weight from 0 (${WEIGHTS[0]}) to ${MAX_WEIGHT} (${WEIGHTS[MAX_WEIGHT]}). The balance is the sum of the weights for, minus the sum against.`),
    h("div", { class: "cb-result", "aria-live": "polite" }, number, bar, verdict, tipping, progress),
    h("div", { class: "cb-columns" }, column("for", "Arguments for"), column("against", "Arguments against")),
  );
  update();
  return null;
}
