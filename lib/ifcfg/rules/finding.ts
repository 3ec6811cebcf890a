// A finding: what a rule reports about one place in one file, and the context a rule reads.

import { keyLocation, type IfcfgFile } from '../parse-ifcfg-file.ts';
import type { InterfaceView } from '../build-bridge-model.ts';
import type { LocalizedText } from '../../book/localized-text.ts';
import type { RuleId } from './catalogue.ts';

export type Severity = 'error' | 'warning';

/** A finding's three sentences, each written in every edition of the book. */
export interface FindingWording {
  message: LocalizedText;
  initscripts: LocalizedText;
  networkManager: LocalizedText;
}

export interface Finding {
  /** The file's path as given. */
  file: string;
  line: number;
  column: number;
  /** The key the finding is about ("" when it is about the whole file). */
  key: string;
  severity: Severity;
  /** The rule's id, e.g. "type-case". */
  rule: RuleId;
  /** What is wrong, what initscripts and what NetworkManager do with it, in every edition: wordFinding(finding, locale) picks one. */
  wording: FindingWording;
}

/** A finding as a rule writes it: its three sentences in every edition. */
export type NewFinding = Omit<Finding, 'file' | 'line' | 'column' | 'wording'> & FindingWording;

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
  const { message, initscripts, networkManager, ...rest } = f;
  return { file, ...rest, line: at.line, column: at.column, wording: { message, initscripts, networkManager } };
}
