// The rules: the real mistakes people make in a bridge's ifcfg files, each with what initscripts
// (the EL7 `network` service, ifup) and NetworkManager (the ifcfg-rh plugin) would do with it.
//
// Severity: "error" when at least one of the two tools would not build the bridge, port or address
// as written (it fails, ignores the setting, or reads it differently from the other tool);
// "warning" when both tools do what the file says but the file is fragile or misleading.

import { buildBridgeModel } from './build-bridge-model.ts';
import { parseIfcfgFile } from './parse-ifcfg-file.ts';
import type { BookLocale } from '../book/localized-text.ts';
import { wordFinding } from './finding-wordings.ts';
import { finding, where, type Context, type Finding } from './rules/finding.ts';
import { checkSyntax, crlfFinding } from './rules/syntax.ts';
import { checkBooleans, checkDevice, checkKeys } from './rules/keys.ts';
import { checkAddresses, checkMacs } from './rules/addresses.ts';
import { checkBridge } from './rules/bridge.ts';
import { checkPort } from './rules/port.ts';
import { checkUuids } from './rules/uuids.ts';

export { IFCFG_RULES, type RuleId, type RuleInfo } from './rule-summary-wordings.ts';
export type { Finding, FindingPlace, Severity } from './rules/finding.ts';

/** Check a set of ifcfg files (a bridge and its ports) together. */
export function checkIfcfgFiles(inputs: readonly { path: string; text: string }[]): Finding[] {
  const findings: Finding[] = [];
  // Windows line endings are reported once; everything else is judged on the text without them,
  // so one stray "\r" does not hide or duplicate other findings.
  const files = inputs.map((input) => {
    const original = parseIfcfgFile(input.path, input.text);
    if (original.crlfLines.length > 0) {
      findings.push(crlfFinding(original));
      return parseIfcfgFile(input.path, input.text.replace(/\r\n/g, '\n'));
    }
    return original;
  });
  const model = buildBridgeModel(files);
  for (const view of model.interfaces) {
    const file = view.file;
    const reportedLines = new Set<number>();
    const ctx: Context = {
      file, view, all: model.interfaces, reportedLines,
      add({ line, column, ...f }) {
        const at = line !== undefined ? { line, column: column ?? 1 } : where(file, f.key);
        findings.push(finding(file.path, at, f));
      },
    };
    checkSyntax(ctx);
    checkKeys(ctx);
    checkDevice(ctx);
    checkBooleans(ctx);
    checkAddresses(ctx);
    checkMacs(ctx);
    if (view.role === 'bridge') checkBridge(ctx);
    if (view.role === 'port') checkPort(ctx);
  }
  checkUuids(model.interfaces, findings);
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
  return findings;
}

/** Whether a set of findings would stop a bridge from working with at least one tool. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** One line per finding: FILE:LINE: error|warning: [rule] message */
export function formatFinding(f: Finding): string {
  return formatFindingIn(f, 'en');
}

/** formatFinding in an edition of the book (the CLI's --lang). */
export function formatFindingIn(f: Finding, locale: BookLocale | string): string {
  const w = wordFinding(f, locale);
  if (locale === 'zh-CN') {
    return `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${w.message}（initscripts：${w.initscripts}；NetworkManager：${w.networkManager}）`;
  }
  return `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${w.message} (initscripts: ${w.initscripts}; NetworkManager: ${w.networkManager})`;
}
