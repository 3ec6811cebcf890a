/**
 * Where the labs keep what a reader typed or chose, in this browser's localStorage. Every key is
 * built by labStorageKey: `hov:<lab>:<what>`. A key a lab used before this scheme is listed as the
 * item's legacy key and read once: its text moves to the new key, so nothing saved under the old
 * name is lost.
 */

/** The part of the Web Storage API the labs use (a Map-backed stand-in serves in tests). */
export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One thing a lab keeps: its key and the keys it had before (read once, then moved). */
export interface StoredItem {
  readonly key: string;
  readonly legacyKeys: readonly string[];
}

/** The one way to name a key: `hov:<lab>:<what>`, e.g. `hov:pcode-lab:program`. */
export function labStorageKey(lab: string, what: string): string {
  if (!/^[a-z0-9-]+$/.test(lab) || !/^[a-z0-9-]+$/.test(what)) throw new Error(`storage key parts are lower-case words with hyphens: ${lab}, ${what}`);
  return `hov:${lab}:${what}`;
}

/** A lab's stored item, with the keys it was saved under before (newest first). */
export function storedItem(lab: string, what: string, legacyKeys: readonly string[] = []): StoredItem {
  return { key: labStorageKey(lab, what), legacyKeys };
}

/** Where a stored text that its lab could not read is kept, rather than overwritten. */
export function unreadableKey(item: StoredItem): string {
  return `${item.key}:unreadable`;
}

/** This browser's localStorage, or undefined when the page may not use it (disabled, sandboxed). */
export function browserStorage(): TextStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The text stored for `item`, or null. A text found only under a legacy key is moved to the item's
 * key (written there, then removed from the old one) the first time it is read.
 */
export function readStoredText(item: StoredItem, storage: TextStorage | undefined = browserStorage()): string | null {
  if (!storage) return null;
  try {
    const current = storage.getItem(item.key);
    if (current !== null) return current;
    for (const legacy of item.legacyKeys) {
      const old = storage.getItem(legacy);
      if (old === null) continue;
      storage.setItem(item.key, old);
      storage.removeItem(legacy);
      return old;
    }
  } catch {
    // Storage refused: as if nothing were saved.
  }
  return null;
}

/** Stores `text` for `item`; false if the browser refused (full or disabled). */
export function writeStoredText(item: StoredItem, text: string, storage: TextStorage | undefined = browserStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(item.key, text);
    return true;
  } catch {
    return false;
  }
}

/** Forgets what is stored for `item` (under its key and any legacy key). */
export function removeStoredText(item: StoredItem, storage: TextStorage | undefined = browserStorage()): void {
  if (!storage) return;
  try {
    for (const key of [item.key, ...item.legacyKeys]) storage.removeItem(key);
  } catch {
    // Storage refused: nothing to forget.
  }
}

/** How a value is read from and written to its stored text. `parse` validates: undefined means "not a value of ours". */
export interface StoredValueCodec<T> {
  parse(text: string): T | undefined;
  serialize(value: T): string;
}

/**
 * The value stored for `item`, validated by `codec.parse`; undefined when nothing usable is stored.
 * A stored text that does not parse is copied to unreadableKey(item) first, so saving over it later
 * loses nothing the reader had.
 */
export function readStoredValue<T>(item: StoredItem, codec: StoredValueCodec<T>, storage: TextStorage | undefined = browserStorage()): T | undefined {
  const text = readStoredText(item, storage);
  if (text === null) return undefined;
  let value: T | undefined;
  try {
    value = codec.parse(text);
  } catch {
    value = undefined;
  }
  if (value === undefined) keepUnreadableText(item, storage);
  return value;
}

/**
 * Copies the text stored for `item`, which its lab could not read, to unreadableKey(item) (once: a
 * copy already there is kept), so that saving over it loses nothing the reader had.
 */
export function keepUnreadableText(item: StoredItem, storage: TextStorage | undefined = browserStorage()): void {
  if (!storage) return;
  try {
    const text = storage.getItem(item.key);
    if (text !== null && storage.getItem(unreadableKey(item)) === null) storage.setItem(unreadableKey(item), text);
  } catch {
    // Storage refused: the text stays where it is until the next save.
  }
}
