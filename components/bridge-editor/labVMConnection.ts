// How the bridge editor reaches the lab VM: through the page's one VM (components/vm/pageLabVM.ts),
// shared with the <LabVM> terminal on the page. Apply powers the VM on if it is off. A VM announced
// by another page component (window.hovLabVm / the hov:lab-vm event) is used when the page VM is off.

import { applyBridgeFilesInLabVM, type ApplyStep, type LabVMLike } from '../../lib/ifcfg/index.ts';
import type { GuestErrorMessage } from '../../lib/guest/index.ts';
import { LAB_VM_EVENT, pageLabVM, type PagePhase } from '../vm/pageLabVM.ts';
import type { EditorFile } from './bridgeEditorState.ts';

export interface LabVMConnection {
  /** The page VM's phase ('off' means Apply will power it on first). */
  phase: PagePhase;
  /** Why starting the page VM failed, if it did (word it with wordGuestError). */
  error: GuestErrorMessage | null;
  apply(files: readonly EditorFile[], bridge: string, onStep: (step: ApplyStep) => void): Promise<ApplyStep[]>;
}

function announcedVm(): LabVMLike | null {
  const vm = window.hovLabVm as LabVMLike | null | undefined;
  return vm && typeof vm.run === 'function' && typeof vm.writeFile === 'function' ? vm : null;
}

/** Calls `onChange` now and whenever the page VM changes; returns a cleanup. */
export function connectLabVM(onChange: (connection: LabVMConnection) => void): () => void {
  let phase: PagePhase = pageLabVM.state.phase;
  let error: GuestErrorMessage | null = null;
  const apply: LabVMConnection['apply'] = async (files, bridge, onStep) => {
    const vm = pageLabVM.vm ?? announcedVm() ?? (await pageLabVM.ensureRunning());
    return applyBridgeFilesInLabVM(vm, files, bridge, onStep);
  };
  const publish = () => onChange({ phase: announcedVm() && phase === 'off' ? 'running' : phase, error, apply });
  const unsubscribe = pageLabVM.subscribe((state) => {
    phase = state.phase;
    error = state.error?.detail ?? null;
    publish();
  });
  window.addEventListener(LAB_VM_EVENT, publish);
  return () => {
    unsubscribe();
    window.removeEventListener(LAB_VM_EVENT, publish);
  };
}
