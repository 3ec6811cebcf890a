import { decodeSerialText } from './serial-recorder.ts';

/**
 * How `LabVM.run` finds where a command's output begins and ends on the serial console, and
 * its exit status.
 *
 * The host writes the command to one share file and a small wrapper script to another, and
 * types `lab_run WRAPPER` (guest/rootfs/etc/profile). The wrapper prints
 * ESC ] 6973 ; B ; NONCE BEL, sources the command, then prints ESC ] 6973 ; E ; NONCE ; STATUS BEL
 * (an EXIT trap prints it too when the command runs `exit`). These are operating-system
 * commands that terminals (xterm.js included) swallow, so a reader never sees them.
 *
 * NONCE is random and new for every run, so a command that prints a marker of its own
 * (`printf '\033]6973;E0\007'`) cannot end its run early or fake its status: the host only
 * accepts the marker with this run's nonce. The echo of the typed command line never contains
 * ESC itself (printf makes it), so it cannot be mistaken for a marker either.
 */
export type RunMarkers = { nonce: string; begin: string; end: RegExp };

/** Markers for one run; `nonce` is random unless given (tests). */
export function runMarkers(nonce = randomNonce()): RunMarkers {
  if (!/^[0-9a-f]+$/.test(nonce)) throw new Error(`a run nonce is hexadecimal, not "${nonce}"`);
  return { nonce, begin: `\x1b]6973;B;${nonce}\x07`, end: new RegExp(`\\x1b\\]6973;E;${nonce};(\\d+)\\x07`) };
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The wrapper script the guest sources: markers around `. commandPath`, the status kept as `$?`. */
export function runWrapperScript(markers: RunMarkers, commandPath: string): string {
  const quoted = `'${commandPath.replace(/'/g, `'\\''`)}'`;
  const end = `\\033]6973;E;${markers.nonce};%d\\007`;
  return [
    `printf '\\033]6973;B;${markers.nonce}\\007'`,
    `trap 'printf "${end}" "$?"' EXIT`,
    `. ${quoted}`,
    'set -- "$?"',
    'trap - EXIT',
    `printf '${end}' "$1"`,
    // The last command's status becomes the run's `$?` (a subshell: `return` in a sourced file
    // is not the same in every shell).
    '(exit "$1")',
    '',
  ].join('\n');
}

/**
 * Output and status of one run, from the serial text recorded while it ran. Without this run's
 * end marker (the run was interrupted) the status is -1 and the output is all that followed the
 * begin marker.
 */
export function extractRunOutput(recorded: string, markers: RunMarkers): { output: string; status: number } {
  const begin = recorded.indexOf(markers.begin);
  const start = begin === -1 ? 0 : begin + markers.begin.length;
  const tail = recorded.slice(start);
  const end = markers.end.exec(tail);
  const body = end ? tail.slice(0, end.index) : tail;
  const output = decodeSerialText(body).replace(/\r\n/g, '\n');
  return { output, status: end ? Number(end[1]) : -1 };
}
