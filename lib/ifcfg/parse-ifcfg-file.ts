import { parseBash, type BashParse } from './parse-bash.ts';
import { parseShvar, type ShvarAssignment, type ShvarParse } from './parse-shvar.ts';

/** One ifcfg file, read by both tools. */
export interface IfcfgFile {
  /** The path or name given (e.g. "ifcfg-br0" or "/etc/sysconfig/network-scripts/ifcfg-br0"). */
  path: string;
  /** The base name, e.g. "ifcfg-br0". */
  name: string;
  /** What follows "ifcfg-" in the name ("br0"), or null if the name does not start with ifcfg-. */
  suffix: string | null;
  text: string;
  /** Line numbers (1-based) that end in "\r\n". */
  crlfLines: number[];
  /** How NetworkManager's ifcfg-rh plugin reads it. */
  nm: ShvarParse;
  /** What bash (initscripts) makes of it. */
  bash: BashParse;
}

function fileBaseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(slash + 1) : path;
}

export function parseIfcfgFile(path: string, text: string): IfcfgFile {
  const name = fileBaseName(path);
  const suffix = name.startsWith('ifcfg-') ? name.slice('ifcfg-'.length) : null;
  const crlfLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.endsWith('\r')) crlfLines.push(index + 1);
  });
  return { path, name, suffix, text, crlfLines, nm: parseShvar(text), bash: parseBash(text) };
}

/** The value NetworkManager uses: last definition wins; badly quoted or empty counts as unset. */
export function nmValueOf(file: IfcfgFile, key: string): string | undefined {
  const a = nmAssignmentOf(file, key);
  if (!a || a.value === null || a.value === '') return undefined;
  return a.value;
}

export function nmAssignmentOf(file: IfcfgFile, key: string): ShvarAssignment | undefined {
  const list = file.nm.assignments;
  for (let n = list.length - 1; n >= 0; n--) if (list[n]!.key === key) return list[n];
  return undefined;
}

/** The value initscripts sees after `. ifcfg-x` (undefined if unset; "" if set empty). */
export function bashValueOf(file: IfcfgFile, key: string): string | undefined {
  return file.bash.variables.get(key)?.value;
}

/** Where a key is written (last definition, either parser), for pointing a finding at it. */
export function keyLocation(file: IfcfgFile, key: string): { line: number; column: number } | undefined {
  const nm = nmAssignmentOf(file, key);
  if (nm) return { line: nm.line, column: nm.column };
  const all = file.bash.assignments.filter((a) => a.key === key);
  const last = all[all.length - 1];
  return last ? { line: last.line, column: last.column } : undefined;
}

