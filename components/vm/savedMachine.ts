// The reader's saved machine, in IndexedDB: one record, the raw v86 state plus when and from
// which guest build it was saved (a state only restores into the same machine and v86).

const DATABASE = 'hov-lab-vm';
const STORE = 'machines';
const KEY = 'saved';

export type SavedMachine = { state: ArrayBuffer; savedAt: number; recipeHash: string; v86Version: string };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
  } finally {
    db.close();
  }
}

export function saveMachine(machine: SavedMachine): Promise<void> {
  return withStore<void>('readwrite', (store) => store.put(machine, KEY));
}

export async function loadSavedMachine(): Promise<SavedMachine | null> {
  try {
    return (await withStore<SavedMachine | undefined>('readonly', (store) => store.get(KEY))) ?? null;
  } catch {
    return null;
  }
}
