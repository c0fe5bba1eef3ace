// The kinds of answer, one module each: src/kinds/<kind>.js, for every kind that
// casebook/vocabulary.py's KINDS names. esbuild bundles every file the import's
// pattern can match, so a new kind needs no line here.

import { KINDS } from "./constants.json";

/**
 * The module of one kind. It exports render({config, answer, commit, body, isStatic})
 * (see frame.js) and describe(state, name), the answer as (label, value) pairs of
 * plain text, where name(table, id) is the readable name of an id of the case data.
 */
export function loadKind(kind) {
  if (!Object.hasOwn(KINDS, kind)) return Promise.reject(new Error(`unknown widget kind ${JSON.stringify(kind)}`));
  return import(`./kinds/${kind}.js`);
}

/** Every kind's module, by kind, in the vocabulary's order. */
export async function loadKinds() {
  const kinds = Object.keys(KINDS);
  return Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await loadKind(kind)])));
}
