/**
 * Input for a P-machine that is read only when the program reads, as a terminal program's is.
 *
 * The machine reads its input from a string (`machine.input`) at RDI, RDC, RLN, EOF and EOL. Here
 * that string is replaced by one that, whenever the machine looks at it and no whole line lies
 * ahead of the read position, first takes the next line from the source (waiting for it). So a
 * program that never reads never touches stdin; `eof` waits for the next line as Pascal's does on
 * a terminal; and an integer or a line is never cut at the end of a chunk.
 */
import { readSync } from 'node:fs';
import type { PMachine } from './machine.ts';
import { fileProblem } from '../book/command-line.ts';

/** Where the input comes from: the next piece of text, or null at the end. */
export interface InputSource {
  read(): string | null;
}

/** Text given in advance (tests, and the old behaviour). */
export function inputFromText(text: string): InputSource {
  let given = false;
  return { read: () => (given ? null : ((given = true), text)) };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The input could not be read (stdin is a directory, a closed descriptor, …). */
export class InputUnreadable extends Error {
  constructor(cause: unknown) {
    super(`cannot read the input (stdin): ${fileProblem(cause)}`);
  }
}

/** A file descriptor (0: stdin), read synchronously a chunk at a time: a line at a time from a terminal. */
export function inputFromDescriptor(fd: number): InputSource {
  const buffer = Buffer.alloc(65_536);
  const decoder = new TextDecoder('utf-8');
  let ended = false;
  return {
    read() {
      if (ended) return null;
      for (;;) {
        let n: number;
        try {
          n = readSync(fd, buffer, 0, buffer.length, null);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            Atomics.wait(pause, 0, 0, 10);
            continue;
          }
          if (code === 'EOF') n = 0;
          else throw new InputUnreadable(error);
        }
        if (n === 0) {
          ended = true;
          const rest = decoder.decode();
          return rest === '' ? null : rest;
        }
        return decoder.decode(buffer.subarray(0, n), { stream: true });
      }
    },
  };
}

/**
 * Makes `machine` take its input from `source` as it reads. `beforeWait` runs before every wait
 * for more input (to show the output so far, e.g. a prompt); `afterWait` after it.
 */
export function readInputOnDemand(
  machine: PMachine,
  source: InputSource,
  hooks: { beforeWait?: () => void; afterWait?: () => void } = {},
): void {
  let text = machine.input;
  let ended = false;
  let carriageReturn = false;
  let lineBreakAt = -1;
  const take = () => {
    hooks.beforeWait?.();
    let more: string | null;
    try {
      more = source.read();
    } finally {
      hooks.afterWait?.();
    }
    if (more === null) {
      ended = true;
      if (carriageReturn) text += '\n';
      return;
    }
    // Line breaks become \n, as the machine's own input does; a \r\n split across reads too.
    if (carriageReturn && more.startsWith('\n')) more = more.slice(1);
    carriageReturn = more.endsWith('\r');
    text += (carriageReturn ? more.slice(0, -1) : more).replace(/\r\n?/g, '\n');
    if (carriageReturn) text += '\n';
  };
  Object.defineProperty(machine, 'input', {
    configurable: true,
    enumerable: true,
    get() {
      // The next line break is remembered, so reading a long line a character at a time stays linear.
      while (!ended && lineBreakAt < machine.inputPosition) {
        lineBreakAt = text.indexOf('\n', machine.inputPosition);
        if (lineBreakAt < 0) take();
      }
      return text;
    },
    set(value: string) {
      text = value;
      lineBreakAt = -1;
    },
  });
}
