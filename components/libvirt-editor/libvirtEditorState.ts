// The libvirt editor's state outside React: the form as the reader typed it (strings, so nothing is
// lost while a number is half-typed), the XML under check, and what localStorage keeps.

import { storedItem } from '../book/lab-storage.ts';
import { DEFAULT_DOMAIN_CHOICES, generateDomainXml, validateDomainChoices, type DomainChoiceProblem, type DomainChoices } from '../../lib/libvirt/index.ts';

/** Where the state is kept in this browser. */
export const LIBVIRT_EDITOR_STATE = storedItem('libvirt-editor', 'state', ['hov.libvirt-editor.v1']);

/** The form: every field as typed. */
export type ChoiceTexts = { readonly [K in keyof DomainChoices]-?: string };

export interface LibvirtEditorState {
  choices: ChoiceTexts;
  /** The XML in the checker. */
  xml: string;
  /** The host's bridges, comma-separated, as typed. */
  hostBridges: string;
}

export function defaultChoiceTexts(): ChoiceTexts {
  const d = DEFAULT_DOMAIN_CHOICES;
  return {
    name: d.name, memoryMiB: String(d.memoryMiB), vcpus: String(d.vcpus), diskPath: d.diskPath, diskFormat: d.diskFormat, bridge: d.bridge,
    mac: d.mac ?? '', nicModel: d.nicModel, display: d.display, machine: d.machine, cpuMode: d.cpuMode,
  };
}

export function defaultState(): LibvirtEditorState {
  return { choices: defaultChoiceTexts(), xml: generateDomainXml(DEFAULT_DOMAIN_CHOICES), hostBridges: DEFAULT_DOMAIN_CHOICES.bridge };
}

/** A whole number typed as digits, else NaN (validateDomainChoices then says what is wrong). */
function wholeNumber(text: string): number {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The choices the form holds, and what is wrong with them (the raw text in each problem, as typed). */
export function readChoices(texts: ChoiceTexts): { choices: DomainChoices; problems: DomainChoiceProblem[] } {
  const choices = {
    ...texts,
    memoryMiB: wholeNumber(texts.memoryMiB),
    vcpus: wholeNumber(texts.vcpus),
    mac: texts.mac.trim(),
  } as DomainChoices;
  const problems = validateDomainChoices(choices).map((p) =>
    p.field === 'memoryMiB' || p.field === 'vcpus' ? ({ ...p, params: { ...p.params, value: texts[p.field] } } as DomainChoiceProblem) : p,
  );
  return { choices, problems };
}

/** The bridges typed as "br0, br1" (empty: the bridge is not checked). */
export function hostBridgeList(text: string): string[] | undefined {
  const list = text.split(',').map((b) => b.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** What localStorage holds: the state, null when nothing is saved, 'unreadable' when it is not ours. */
export function readSavedState(stored: string | null): LibvirtEditorState | null | 'unreadable' {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as Partial<LibvirtEditorState> | null;
    if (typeof value !== 'object' || value === null || typeof value.xml !== 'string' || typeof value.hostBridges !== 'string') return 'unreadable';
    const defaults = defaultChoiceTexts();
    const saved = (typeof value.choices === 'object' && value.choices !== null ? value.choices : {}) as Record<string, unknown>;
    const choices = Object.fromEntries(
      Object.entries(defaults).map(([key, fallback]) => [key, typeof saved[key] === 'string' ? (saved[key] as string) : fallback]),
    ) as ChoiceTexts;
    return { choices, xml: value.xml, hostBridges: value.hostBridges };
  } catch {
    return 'unreadable';
  }
}
