/**
 * `npm run vm`: attaches this terminal to the lab VM's serial console (Ctrl-] leaves).
 * `npm run vm -- --exec "uname -a"`: runs one command, prints its output, exits with its status.
 * Options: --cold (boot the kernel instead of restoring the state), --timeout SECONDS (for --exec).
 */
import { startNodeLabVM } from './node.ts';
import { guestErrorMessage, wordGuestError } from './guest-errors.ts';
import { guestStatusWordings } from './guest-wordings.ts';
import { wordMessage } from '../book/localized-text.ts';
import type { LabVM } from './lab-vm.ts';
import { parseVmArguments, VM_USAGE, type VmOptions } from './vm-arguments.ts';

function parseArgs(argv: string[]): VmOptions {
  const parsed = parseVmArguments(argv);
  if (!parsed.ok) {
    process.stderr.write(`vm: ${parsed.problem}\n${VM_USAGE}\n`);
    process.exit(2);
  }
  if (parsed.options.help) {
    process.stdout.write(`${VM_USAGE}\n`);
    process.exit(0);
  }
  return parsed.options;
}

function write(stream: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

async function execOnce(vm: LabVM, command: string, timeoutSeconds: number): Promise<number> {
  const result = await vm.run(command, { timeoutMs: timeoutSeconds * 1000 });
  await write(process.stdout, result.output);
  if (result.timedOut) process.stderr.write(`vm: the command did not finish within ${timeoutSeconds} s and was interrupted\n`);
  return result.status;
}

async function attach(vm: LabVM): Promise<number> {
  const stdin = process.stdin;
  const size = () => ({ cols: process.stdout.columns, rows: process.stdout.rows });
  process.stderr.write(`Lab VM ${vm.mode === 'restored' ? 'restored' : 'booted'}. Ctrl-] leaves.\r\n`);
  const unsubscribe = vm.onOutput((bytes) => process.stdout.write(bytes));
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  await vm.refreshTerminal(size());
  const onResize = () => void vm.refreshTerminal(size());
  process.stdout.on('resize', onResize);
  return new Promise((resolve) => {
    stdin.on('data', (chunk: Buffer) => {
      const leave = chunk.indexOf(0x1d);
      if (leave !== -1) {
        if (leave > 0) vm.sendInput(new Uint8Array(chunk.subarray(0, leave)));
        unsubscribe();
        process.stdout.off('resize', onResize);
        if (stdin.isTTY) stdin.setRawMode(false);
        stdin.pause();
        process.stderr.write('\r\n[left the lab VM]\n');
        resolve(0);
        return;
      }
      vm.sendInput(new Uint8Array(chunk));
    });
    stdin.on('end', () => resolve(0));
  });
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  let vm: LabVM;
  try {
    vm = await startNodeLabVM({ coldBoot: options.cold, onStatus: (status) => process.stderr.write(`vm: ${wordMessage(guestStatusWordings, status, 'en')}\n`) });
  } catch (error) {
    process.stderr.write(`vm: ${wordGuestError(guestErrorMessage(error), 'en')}\n`);
    return 1;
  }
  try {
    return options.exec !== undefined ? await execOnce(vm, options.exec, options.timeoutSeconds) : await attach(vm);
  } finally {
    await vm.destroy();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`vm: ${wordGuestError(guestErrorMessage(error), 'en')}\n`);
    process.exit(1);
  },
);
