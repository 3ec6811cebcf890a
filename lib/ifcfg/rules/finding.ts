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
  /** One sentence naming the key and what is wrong (English; `wording` has every edition). */
  message: string;
  /** What initscripts (network service / ifup, bash) does with it (English). */
  initscripts: string;
  /** What NetworkManager (ifcfg-rh) does with it (English). */
  networkManager: string;
  /** The three sentences above in every edition: wordFinding(finding, locale) picks one. */
  wording: FindingWording;
}

/** A finding as a rule writes it: its three sentences in every edition. */
export type NewFinding = Omit<Finding, 'file' | 'line' | 'column' | 'message' | 'initscripts' | 'networkManager' | 'wording'> & FindingWording;

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

/** A finding with its English sentences taken from its wording (one source for both editions). */
export function finding(file: string, at: { line: number; column: number }, f: NewFinding): Finding {
  const { message, initscripts, networkManager, ...rest } = f;
  return {
    file, ...rest, line: at.line, column: at.column,
    message: message.en, initscripts: initscripts.en, networkManager: networkManager.en,
    wording: { message, initscripts, networkManager },
  };
}
