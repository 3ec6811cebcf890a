// A finding: what a rule reports about one place in one file, and the context a rule reads.

import { keyLocation, type IfcfgFile } from '../parse-ifcfg-file.ts';
import type { InterfaceView } from '../build-bridge-model.ts';
import type { FindingMessage } from '../finding-wordings.ts';
import type { RuleId } from '../rule-summary-wordings.ts';

export type Severity = 'error' | 'warning';

/** Where a finding is, and which rule made it. */
export interface FindingPlace {
  /** The file's path as given. */
  file: string;
  line: number;
  column: number;
  /** The key the finding is about ("" when it is about the whole file). */
  key: string;
  severity: Severity;
  /** The rule's id, e.g. "type-case". */
  rule: RuleId;
}

/** A finding: its place, and what is wrong as a code and its params (wordFinding words it in an edition). */
export type Finding = FindingPlace & FindingMessage;

/** A finding as a rule writes it: everything but the file and the position. */
export type NewFinding = Omit<FindingPlace, 'file' | 'line' | 'column'> & FindingMessage;

export interface Context {
  file: IfcfgFile;
  view: InterfaceView;
  all: InterfaceView[];
  add(f: NewFinding & { line?: number; column?: number }): void;
  reportedLines: Set<number>;
}

export function where(file: IfcfgFile, key: string): { line: number; column: number } {
  return keyLocation(file, key) ?? { line: 1, column: 1 };
}

/** A finding at a place in a file. */
export function finding(file: string, at: { line: number; column: number }, f: NewFinding): Finding {
  return { file, ...f, line: at.line, column: at.column };
}
