// Answers kept in the browser's localStorage, on the static site. Any failure of
// storage is reported, never thrown: the widget keeps working in memory.

import { VERSION } from "./constants.json";
import { answerEntryError, isKey, migrateAnswer, now } from "./format.js";
import { isObject } from "./json-schema.js";

/** What to tell the student about each storage problem. */
export const STORAGE_MESSAGES = {
  unavailable: "Your browser is not letting this page save answers, so they will be lost when you leave. Before leaving, use Download on the My answers page.",
  full: "Your browser's storage is full, so your latest change is not saved. Download your answers from the My answers page, then free some space.",
  unreadable: "Your saved answer for this exercise could not be read, so it starts empty. The unreadable copy is kept, not deleted.",
};

function problemOf(error) {
  return error && error.name === "QuotaExceededError" ? "full" : "unavailable";
}

/**
 * Answers under casebook:<site id>:v<format version>:answer:<widget key>, and the
 * student's name under casebook:<site id>:student. Answers saved under an older
 * version are migrated when read.
 */
export class AnswerStore {
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
      this.problem = problemOf(error);
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
      // Only keys the format allows: another would make the download unreadable.
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
}
