// The reader's saved machine, in IndexedDB: one record, the v86 state gzip-compressed
// (CompressionStream) plus when and from which guest build it was saved (a state only restores
// into the same machine and v86). Records saved uncompressed by earlier versions still load.

import { LabVMError } from '../../lib/guest/index.ts';

const DATABASE = 'hov-lab-vm';
const STORE = 'machines';
const KEY = 'saved';

export type SavedMachine = { state: ArrayBuffer; savedAt: number; recipeHash: string; v86Version: string };

/** What IndexedDB holds: the state as stored (`encoding` says how) and its raw size. */
type StoredMachine = Omit<SavedMachine, 'state'> & { state: ArrayBuffer; encoding?: 'gzip'; rawBytes?: number };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new LabVMError({ code: 'storageUnavailable' }));
  });
}

async function withStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new LabVMError({ code: 'storageFailed' }));
      transaction.onabort = () => reject(transaction.error ?? new LabVMError({ code: 'storageAborted' }));
    });
  } finally {
    db.close();
  }
}

function transform(bytes: ArrayBuffer, stream: CompressionStream | DecompressionStream): Promise<ArrayBuffer> {
  return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer();
}

/** Stores the machine, gzip-compressed where the browser can (a ~40 MB state becomes ~10 MB). */
export async function saveMachine(machine: SavedMachine): Promise<{ storedBytes: number }> {
  let record: StoredMachine = machine;
  if (typeof CompressionStream === 'function') {
    const state = await transform(machine.state, new CompressionStream('gzip'));
    record = { ...machine, state, encoding: 'gzip', rawBytes: machine.state.byteLength };
  }
  await withStore<void>('readwrite', (store) => store.put(record, KEY));
  return { storedBytes: record.state.byteLength };
}

export async function loadSavedMachine(): Promise<SavedMachine | null> {
  let record: StoredMachine | undefined;
  try {
    record = await withStore<StoredMachine | undefined>('readonly', (store) => store.get(KEY));
  } catch {
    return null;
  }
  if (!record) return null;
  const state = record.encoding === 'gzip' ? await transform(record.state, new DecompressionStream('gzip')) : record.state;
  return { state, savedAt: record.savedAt, recipeHash: record.recipeHash, v86Version: record.v86Version };
}
