/**
 * The page's lab VM (components/vm/pageLabVM.ts) with a stand-in for the emulator: what the terminal
 * checks read (the transcript) is that of the machine now running, after Power on, Reset and Resume.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { LabVM } from '../../../lib/guest/index.ts';
import type { WebLabVMOptions } from '../../../lib/guest/web.ts';

/** A machine that prints what the test says, and swaps itself for a restored one as LabVM does. */
class StandInVM {
  mode = 'restored';
  print: (text: string) => void = () => {};
  /** When set, the state does not fit and the machine runs on. */
  refuse = false;
  async restoreState(_state: ArrayBuffer, options: { onSwitch?: () => void } = {}): Promise<void> {
    if (this.refuse) throw new Error('the state does not fit');
    options.onSwitch?.();
    this.print('\r\nroot@lab:~# ');
  }
  sendInput(): void {}
  async destroy(): Promise<void> {}
}

const machine = new StandInVM();
const published = new ArrayBuffer(8);

vi.mock('../../../lib/guest/web.ts', () => ({
  startWebLabVM: async (options: WebLabVMOptions) => {
    machine.print = (text) => options.onOutput?.(new TextEncoder().encode(text));
    machine.print('root@lab:~# ');
    return { vm: machine as unknown as LabVM, manifest: { recipeHash: 'recipe', v86Version: 'v86' }, snapshot: published };
  },
}));
vi.mock('../../../components/vm/savedMachine.ts', () => ({
  loadSavedMachine: async () => ({ state: new ArrayBuffer(8), savedAt: 0, recipeHash: 'recipe', v86Version: 'v86' }),
  saveMachine: async () => ({ storedBytes: 8 }),
}));
vi.stubGlobal('window', new EventTarget());

const { pageLabVM } = await import('../../../components/vm/pageLabVM.ts');

/** Power on, then the old machine prints a command's output. */
async function runningWithOutput(line: string): Promise<void> {
  await pageLabVM.ensureRunning();
  machine.print(`echo ${line}\r\n${line}\r\nroot@lab:~# `);
  expect(pageLabVM.transcript.text()).toContain(`\n${line}\n`);
}

describe('the transcript terminal checks read', () => {
  beforeEach(async () => {
    machine.refuse = false;
    await pageLabVM.powerOff();
  });

  test('after Reset it holds nothing the replaced machine printed, only what the published one prints', async () => {
    await runningWithOutput('before-reset');
    await pageLabVM.reset();
    expect(pageLabVM.transcript.text()).not.toContain('before-reset');
    expect(pageLabVM.transcript.text()).toBe('\nroot@lab:~# ');
  });

  test('after Resume into the running VM it holds nothing the replaced machine printed', async () => {
    await runningWithOutput('before-resume');
    expect(await pageLabVM.resume()).not.toBeNull();
    expect(pageLabVM.transcript.text()).not.toContain('before-resume');
    expect(pageLabVM.transcript.text()).toBe('\nroot@lab:~# ');
  });

  test('a Resume whose state does not fit leaves the running machine, and what it printed, as they were', async () => {
    await runningWithOutput('still-running');
    machine.refuse = true;
    await expect(pageLabVM.resume()).rejects.toThrow('does not fit');
    expect(pageLabVM.transcript.text()).toContain('\nstill-running\n');
  });
});
