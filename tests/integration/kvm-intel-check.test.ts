/**
 * Chapter 7's kvm_intel check against the real guest: it fails on a fresh guest, names only what is
 * still missing after only the core kvm was loaded, and passes after `modprobe kvm_intel` typed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabVM } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import { kvmIntelProbeCheck, runLabCheck } from '../../lib/lab-checks/index.ts';

let vm: LabVM;
beforeAll(async () => {
  vm = await startNodeLabVM();
});
afterAll(async () => {
  await vm?.destroy();
});

const missingCodes = async () => (await runLabCheck(vm, kvmIntelProbeCheck)).missing.map((finding) => finding.code);

describe('the kvm_intel check', () => {
  it('fails on a fresh guest, is not fooled by the core kvm alone, passes after modprobe kvm_intel by hand', async () => {
    expect(await missingCodes()).toEqual(['kvmIntelNotTried', 'moduleNotLoaded']);
    await vm.run('modprobe kvm', { timeoutMs: 90_000 });
    expect(await missingCodes()).toEqual(['kvmIntelNotTried']);
    const typed = await vm.run('modprobe kvm_intel', { timeoutMs: 90_000 });
    expect(typed.output).toContain('Operation not supported');
    expect(await runLabCheck(vm, kvmIntelProbeCheck)).toEqual({ passed: true, missing: [] });
  }, 600_000);
});
