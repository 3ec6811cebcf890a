// Apply a bridge's ifcfg files inside the lab VM: copy them into the guest's
// /etc/sysconfig/network-scripts/ over the 9p share, run ifup-lab (an ifup in the guest image that
// sources the files like the EL7 scripts and applies them with ip), then show what the guest has.
// Works with any object that has the lab VM's writeFile/run (lib/guest's LabVM, in Node or the browser).

import type { ApplyNote } from './apply-note-wordings.ts';

export interface LabVMLike {
  writeFile(path: string, data: string): Promise<void>;
  run(command: string, options?: { timeoutMs?: number }): Promise<{ output: string; status: number; timedOut?: boolean }>;
}

export interface ApplyStep {
  command: string;
  /** What the guest printed ("" when the step is a note of ours). */
  output: string;
  status: number;
  /** Set when the step is a note of ours rather than the guest's output: a message of applyNoteWordings. */
  note?: ApplyNote;
}

/** Where the files go in the 9p share (the guest sees it under /mnt/host). */
const SHARE_DIR = 'bridge-lab';
const GUEST_SHARE = '/mnt/host';

/** A file name we are willing to put in the guest and on a shell command line. */
function isSafeIfcfgName(name: string): boolean {
  return /^ifcfg-[A-Za-z0-9_.:-]{1,32}$/.test(name);
}

/** The commands that show the result, for a bridge named `bridge`. */
export function inspectionCommands(bridge: string): string[] {
  const br = /^[A-Za-z0-9_.-]{1,15}$/.test(bridge) ? bridge : 'br0';
  return [`ip -d link show ${br}`, 'brctl show', `ip addr show ${br}`];
}

export async function applyBridgeFilesInLabVM(
  vm: LabVMLike,
  files: readonly { name: string; text: string }[],
  bridge: string,
  onStep?: (step: ApplyStep) => void,
): Promise<ApplyStep[]> {
  const steps: ApplyStep[] = [];
  const run = async (command: string) => {
    const result = await vm.run(command, { timeoutMs: 60_000 });
    const step = { command, output: result.output, status: result.status };
    steps.push(step);
    onStep?.(step);
    return step;
  };
  const bad = files.filter((f) => !isSafeIfcfgName(f.name));
  if (bad.length > 0) {
    const note: ApplyNote = { code: 'badFileNames', params: { names: bad.map((f) => JSON.stringify(f.name)).join(', ') } };
    const step: ApplyStep = { command: '', output: '', status: 1, note };
    onStep?.(step);
    return [step];
  }
  await run(`ifup-lab --reset; rm -rf ${GUEST_SHARE}/${SHARE_DIR}; mkdir -p ${GUEST_SHARE}/${SHARE_DIR}`);
  for (const f of files) await vm.writeFile(`${SHARE_DIR}/${f.name}`, f.text);
  await run(`ifup-lab --from ${GUEST_SHARE}/${SHARE_DIR}`);
  for (const command of inspectionCommands(bridge)) await run(command);
  return steps;
}
