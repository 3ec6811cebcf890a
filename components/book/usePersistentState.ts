import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { readStoredValue, writeStoredText, type StoredItem, type StoredValueCodec } from './lab-storage.ts';
import { linkInHash, useAddressLink } from './useShareLink.ts';

export interface PersistentStateOptions<T> extends StoredValueCodec<T> {
  /** The value a share link in the address carries, or undefined when the hash holds none (or a damaged one). */
  fromHash?: (hash: string) => T | undefined;
  /**
   * False: a value a link brought is shown but not saved until the reader changes it, so following
   * a link does not overwrite what the reader saved (default true: the link's value is saved).
   */
  saveLinked?: boolean;
  /** Only values it accepts are saved (a half-valid form is not); default: every value. */
  savable?: (value: T) => boolean;
  /** Called with a link's value each time one is applied (on load or followed), e.g. to drop drafts typed over the old value. */
  onLink?: (value: T) => void;
}

/** The value a lab starts from: a share link's, else what this browser saved (validated), else `initial`. */
export function startingValue<T>(hash: string, stored: () => T | undefined, initial: T, fromHash?: (hash: string) => T | undefined): T {
  const linked = fromHash ? linkInHash(hash, fromHash) : undefined;
  if (linked !== undefined) return linked;
  return stored() ?? initial;
}

/**
 * Whether `value` is saved: not before the saved value is in (`loaded`), not while it is still the
 * value a link brought when options.saveLinked is false, and only if options.savable accepts it.
 */
export function savesValue<T>(value: T, state: { loaded: boolean; linked: T | undefined }, options: Pick<PersistentStateOptions<T>, 'saveLinked' | 'savable'>): boolean {
  if (!state.loaded) return false;
  if (options.saveLinked === false && state.linked !== undefined && value === state.linked) return false;
  return options.savable ? options.savable(value) : true;
}

/** Shows the value a link brought: it becomes the state's value, is remembered as the link's (see savesValue), and options.onLink hears of it. */
export function applyLink<T>(link: T, state: { linked: { current: T | undefined }; setValue: (value: T) => void }, options: Pick<PersistentStateOptions<T>, 'onLink'>): void {
  state.linked.current = link;
  state.setValue(link);
  options.onLink?.(link);
}

/**
 * State that survives a reload and travels in a link: on mount it takes the share link in the
 * address (options.fromHash), else what this browser saved under `item` (checked by options.parse),
 * else `initial`; every change after that is saved back (see savesValue). A later link on the same
 * page (an exercise's) changes only the hash: its value is applied too. `loaded` is false until the
 * saved value is in (the server render and the first paint show `initial`).
 */
export function usePersistentState<T>(item: StoredItem, initial: T, options: PersistentStateOptions<T>): [T, Dispatch<SetStateAction<T>>, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  /** The value the last link brought (the exact object), while it is shown. */
  const linked = useRef<T | undefined>(undefined);

  useAddressLink<T>(
    (hash) => optionsRef.current.fromHash?.(hash),
    (link) => applyLink(link, { linked, setValue }, optionsRef.current),
    () => {
      // A link found here is applied right after (applyLink), which also marks it as the link's value.
      setValue(startingValue(window.location.hash, () => readStoredValue(item, optionsRef.current), initial, optionsRef.current.fromHash));
      setLoaded(true);
    },
  );

  useEffect(() => {
    if (savesValue(value, { loaded, linked: linked.current }, optionsRef.current)) writeStoredText(item, optionsRef.current.serialize(value));
  }, [item, value, loaded]);

  return [value, setValue, loaded];
}
