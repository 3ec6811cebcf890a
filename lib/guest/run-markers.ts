import { decodeSerialText } from './serial-recorder.ts';

/**
 * The guest's `lab_run FILE` (guest/rootfs/etc/profile) prints ESC ] 6973 ; B BEL before
 * sourcing FILE and ESC ] 6973 ; E <status> BEL after it: operating-system commands that
 * terminals (xterm.js included) swallow, so a reader never sees them. printf makes the ESC
 * byte; the terminal's echo of the command line only shows the characters `\033`, so the
 * markers cannot be confused with the echo.
 */
export const RUN_BEGIN_MARKER = '\x1b]6973;B\x07';
export const RUN_END_PATTERN = /\x1b\]6973;E(\d+)\x07/;

/** Output and status of one `lab_run`, from the serial text recorded while it ran. */
export function extractRunOutput(recorded: string): { output: string; status: number } {
  const begin = recorded.indexOf(RUN_BEGIN_MARKER);
  const start = begin === -1 ? 0 : begin + RUN_BEGIN_MARKER.length;
  const tail = recorded.slice(start);
  const end = RUN_END_PATTERN.exec(tail);
  const body = end ? tail.slice(0, end.index) : tail;
  const output = decodeSerialText(body).replace(/\r\n/g, '\n');
  return { output, status: end ? Number(end[1]) : -1 };
}
