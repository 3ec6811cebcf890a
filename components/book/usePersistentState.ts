import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { readStoredValue, writeStoredText, type StoredItem, type StoredValueCodec } from './lab-storage.ts';

export interface PersistentStateOptions<T> extends StoredValueCodec<T> {
  /** The value a share link in the address carries, or undefined when the hash holds none (or a damaged one). */
  fromHash?: (hash: string) => T | undefined;
}

/** The value a lab starts from: a share link's, else what this browser saved (validated), else `initial`. */
export function startingValue<T>(hash: string, stored: () => T | undefined, initial: T, fromHash?: (hash: string) => T | undefined): T {
  const linked = fromHash ? safely(() => fromHash(hash)) : undefined;
  if (linked !== undefined) return linked;
  return stored() ?? initial;
}

function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * State that survives a reload and travels in a link: on mount it takes the share link in the
 * address (options.fromHash), else what this browser saved under `item` (checked by options.parse),
 * else `initial`; every change after that is saved back. A later link on the same page (an
 * exercise's) changes only the hash: its value is applied too. `loaded` is false until the saved
 * value is in (the server render and the first paint show `initial`).
 */
export function usePersistentState<T>(item: StoredItem, initial: T, options: PersistentStateOptions<T>): [T, Dispatch<SetStateAction<T>>, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const { fromHash } = optionsRef.current;
    setValue(startingValue(window.location.hash, () => readStoredValue(item, optionsRef.current), initial, fromHash));
    setLoaded(true);
    if (!fromHash) return;
    const applyHash = () => {
      const linked = safely(() => fromHash(window.location.hash));
      if (linked !== undefined) setValue(linked);
    };
    window.addEventListener('hashchange', applyHash);
    return () => window.removeEventListener('hashchange', applyHash);
    // The item and the starting value are fixed for the island's life.
  }, []);

  useEffect(() => {
    if (loaded) writeStoredText(item, optionsRef.current.serialize(value));
  }, [item, value, loaded]);

  return [value, setValue, loaded];
}
