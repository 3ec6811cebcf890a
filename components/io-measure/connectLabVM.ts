// Browser-only: the measurement runs in the page's one lab VM (components/vm/pageLabVM.ts), the same
// VM a <LabVM> terminal or a <RunInVM> button on the page would use. It is started here if it is off;
// v86 and the saved machine load only then.
import type { GuestDownloadId, LabVM } from '../../lib/guest/index.ts';
import { pageLabVM, type PageLabVMState } from '../vm/pageLabVM.ts';

export type LabVMStartStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'downloading'; readonly file: GuestDownloadId; readonly percent: number }
  | { readonly kind: 'booting' }
  | { readonly kind: 'restoring' };

function statusOf(state: PageLabVMState): LabVMStartStatus | null {
  if (state.phase !== 'starting') return null;
  if (state.status === 'downloading' && state.progress) {
    const { file, loaded, total } = state.progress;
    return { kind: 'downloading', file, percent: total > 0 ? Math.floor((loaded / total) * 100) : 0 };
  }
  if (state.status === 'coldBooting') return { kind: 'booting' };
  if (state.status === 'restoring') return { kind: 'restoring' };
  return { kind: 'loading' };
}

/** The page's lab VM, started if it is off; `onStatus` follows its start. */
export async function connectLabVM(onStatus: (status: LabVMStartStatus) => void): Promise<LabVM> {
  const unsubscribe = pageLabVM.subscribe((state) => {
    const status = statusOf(state);
    if (status) onStatus(status);
  });
  try {
    return await pageLabVM.ensureRunning();
  } finally {
    unsubscribe();
  }
}
