// The answer-file format in the browser: read, check, migrate, merge and write, as
// casebook/answers.py does in Python. Its constants and schema come from Python
// (constants.json, written by `make bundle`, and casebook/answers.schema.json);
// tests/conformance/answer-format.json holds the two implementations to the same cases.

import SCHEMA from "../../answers.schema.json";
import { FORMAT, MAX_BYTES, MAX_DEPTH, UNDATED, V2_RETIRED_DECISIONS, V2_ROLES, VERSION } from "./constants.json";
import { isObject, schemaError } from "./json-schema.js";

/** An answer file that cannot be used; `reason` is the code casebook.answers.AnswerFileError gives. */
export class AnswerFileError extends Error {
  constructor(message, reason = "invalid") {
    super(message);
    this.reason = reason;
  }
}

/** The current UTC time as the format writes it (milliseconds, 'Z'). */
export function now() {
  return new Date().toISOString();
}

/**
 * A time of the format as a string that sorts in time order, to the microsecond the
 * schema allows (Date.parse would keep only milliseconds): "…00.0002Z" → "…00.000200".
 * The schema's pattern fixes every field's width, so the strings compare as the times do.
 */
function sortable(time) {
  const [seconds, fraction = ""] = time.slice(0, -1).split(".");
  return `${seconds}.${fraction.padEnd(6, "0")}`;
}

/** Negative, zero or positive as `a` is earlier than, the same time as or later than `b`. */
export function compareTimes(a, b) {
  const [x, y] = [sortable(a), sortable(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a time the schema's pattern accepts is also on the calendar (no 30 February, no hour 24, no year 0). */
export function isRealTime(text) {
  const [year, month, day, hour, minute, second] = text.match(/\d+/g).map(Number);
  // setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
  const time = new Date(0);
  time.setUTCFullYear(year, month - 1, day);
  time.setUTCHours(hour, minute, second);
  return year >= 1 && time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === day
    && time.getUTCHours() === hour && time.getUTCMinutes() === minute && time.getUTCSeconds() === second;
}

/** Whether `key` may name a widget's answer in an answer file. */
export function isKey(key) {
  return schemaError(SCHEMA.$defs.key, key, SCHEMA) === null;
}

/** A saved answer entry ({kind, title, page, updated, state}) of the current version, or an error sentence. */
export function answerEntryError(entry) {
  return schemaError({ allOf: [{ $ref: "#/$defs/answer" }, { $ref: `#/$defs/answer-v${VERSION}` }], required: ["updated"] }, entry, SCHEMA)
    || (isRealTime(entry.updated) ? null : `${JSON.stringify(entry.updated)} is not a real time`);
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
export function migrateAnswer(answer, version) {
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

/** A checked answer file of any known version, as the current version. */
function migrate(document) {
  const answers = {};
  for (const [key, answer] of Object.entries(document.answers)) answers[key] = migrateAnswer(answer, document.version);
  return { ...document, version: VERSION, answers };
}

/** How deep `value` nests lists and objects (a bare value is 1), counted up to MAX_DEPTH + 1; as casebook.answers.depth. */
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

/** Refuse a file over the size limit before reading it. */
export function checkSize(bytes) {
  if (bytes > MAX_BYTES) {
    throw new AnswerFileError(`This file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB); an answer file is at most 5 MB.`, "too-large");
  }
}

/** A parsed answer file, checked and migrated; as casebook.answers.check_answer_file. */
export function checkAnswerFile(document) {
  if (!isObject(document) || document.format !== FORMAT) {
    throw new AnswerFileError("This is not a casebook answer file (its 'format' is not 'casebook-answers').", "other-format");
  }
  const { version } = document;
  if (Number.isInteger(version) && version > VERSION) {
    throw new AnswerFileError(
      `This answer file was made by a newer version of the casebook (format version ${version}; this one reads up to ${VERSION}). Use the newer casebook to open it.`,
      "newer-version",
    );
  }
  if (!SCHEMA.properties.version.enum.includes(version)) {
    throw new AnswerFileError(`This answer file has an unknown format version (${JSON.stringify(version ?? null)}).`, "unknown-version");
  }
  const error = schemaError(SCHEMA, document) || impossibleTime(document);
  if (error) throw new AnswerFileError(`This answer file does not match the answer-file format: ${error}.`);
  return migrate(document);
}

/**
 * The bytes of an answer file (a Uint8Array), checked and migrated; as
 * casebook.answers.parse_answer_file. Throws AnswerFileError saying why it cannot be used.
 */
export function readAnswerFile(bytes) {
  checkSize(bytes.length);
  // Python's bytes.strip(): the ASCII spaces, not JavaScript's wider idea of white space.
  if (bytes.every((byte) => [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(byte))) throw new AnswerFileError("This file is empty.", "empty");
  let document;
  try {
    // Strictly UTF-8, and a byte-order mark is not JSON, as in Python.
    document = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw new AnswerFileError("This is not a JSON file, so it cannot be an answer file.", "broken");
  }
  if (depth(document) > MAX_DEPTH) throw new AnswerFileError(`This file nests its values more than ${MAX_DEPTH} deep, so it cannot be an answer file.`);
  return checkAnswerFile(document);
}

/** A current-version answer file holding `answers`. */
export function answerFile(answers, student) {
  const document = { format: FORMAT, version: VERSION, exported: now(), answers };
  if (student) document.student = student;
  return document;
}

/**
 * Merge incoming answers by key, the newer winning (as casebook.answers.merge_answers);
 * an answer exactly as old as ours does not replace it, and nothing is deleted.
 */
export function mergeAnswers(existing, incoming) {
  const merged = { ...existing };
  const changes = [];
  for (const [key, answer] of Object.entries(incoming)) {
    const ours = Object.hasOwn(existing, key) ? existing[key] : undefined;
    let action = "add";
    if (ours) action = compareTimes(answer.updated, ours.updated) > 0 ? "replace" : "keep";
    if (action !== "keep") merged[key] = answer;
    changes.push({ key, action, kind: answer.kind, title: answer.title || key });
  }
  return { merged, changes };
}
