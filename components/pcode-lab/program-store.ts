/**
 * The P-code lab's program store: where a reader's Pascal program and its input are kept in this
 * browser. The JIT lab reads the same store (it opens the program last written in the P-code lab)
 * and keeps its own edits with the same functions.
 */
import { readStoredValue, removeStoredText, storedItem, writeStoredText, type StoredItem, type StoredValueCodec } from '../book/lab-storage.ts';

/** A program and the text its reads consume. */
export interface LabProgram {
  readonly source: string;
  readonly input: string;
}

/** A stored program, and whether it came unedited from a share link. */
export interface SavedProgram extends LabProgram {
  readonly fromLink: boolean;
}

/** The program in the P-code lab's editor. */
export const PCODE_LAB_PROGRAM: StoredItem = storedItem('pcode-lab', 'program', ['hov.pcode-lab.v1']);
/** The reader's own program, kept when a link or an example replaced it, to restore. */
export const PCODE_LAB_PREVIOUS_PROGRAM: StoredItem = storedItem('pcode-lab', 'previous-program', ['hov.pcode-lab.v1.previous']);

/** The program a stored text holds; undefined when it is not one (no `source` text). */
export function parseSavedProgram(text: string): SavedProgram | undefined {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) return undefined;
  const { source, input, fromLink } = value as Record<string, unknown>;
  if (typeof source !== 'string') return undefined;
  return { source, input: typeof input === 'string' ? input : '', fromLink: fromLink === true };
}

const programCodec: StoredValueCodec<SavedProgram> = { parse: parseSavedProgram, serialize: (program) => JSON.stringify(program) };

/** The program stored under `item`, if one is (validated). */
export function readSavedProgram(item: StoredItem): SavedProgram | undefined {
  return readStoredValue(item, programCodec);
}

/** Stores `program` under `item`; false if this browser refused. */
export function saveProgram(item: StoredItem, program: SavedProgram | LabProgram): boolean {
  return writeStoredText(item, JSON.stringify(program));
}

/** Forgets the program stored under `item`. */
export function forgetProgram(item: StoredItem): void {
  removeStoredText(item);
}
