/**
 * What the reader's own terminal showed: a bounded transcript of the lab VM's terminal output, so
 * that a step that leaves nothing in the VM (an observation) can still be checked when the reader
 * typed its commands by hand. The transcript keeps the raw text's tail and is normalised when read
 * (escape sequences removed, line endings and carriage returns applied), so an escape sequence or a
 * line cut across two chunks of output reads whole.
 */

/** How much of the terminal's text a transcript keeps (its tail). */
export const TRANSCRIPT_LIMIT = 64 * 1024;

// OSC (ESC ] … BEL or ESC \), CSI (ESC [ params final), and the two-character escapes (ESC x).
const ESCAPE_SEQUENCE = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[@-Z\\-_=>78]/g;
// Any other control character but newline, carriage return and backspace.
const OTHER_CONTROL = /[\u0000-\u0007\u000b-\u000c\u000e-\u001f\u007f]/g;

/** Terminal text as a reader sees it: no escape sequences, `\n` line ends, `\r` and `\b` applied to their line. */
export function normaliseTerminalText(raw: string): string {
  const text = raw.replace(ESCAPE_SEQUENCE, '').replace(/\r+\n/g, '\n').replace(OTHER_CONTROL, '');
  return text
    .split('\n')
    .map((line) => {
      // A carriage return starts the line over: what follows the last one is what shows.
      const shown = line.slice(line.lastIndexOf('\r') + 1);
      if (!shown.includes('\b')) return shown;
      let kept = '';
      for (const char of shown) kept = char === '\b' ? kept.slice(0, -1) : kept + char;
      return kept;
    })
    .join('\n');
}

// The lab VM shell's prompt (PS1 `\u@\h:\w\$ `, guest/rootfs/etc/profile) and its continuation prompt (PS2 `> `).
const SHELL_INPUT_LINE = /^(?:[^\s@]+@[^\s:]+:[^\n]*?[#$] |> )/;

/**
 * The transcript without the lines the reader typed (those that start with the shell's prompt): only
 * what commands printed, each line ended by `\n` (as it was when the next prompt followed it).
 */
export function withoutShellInput(text: string): string {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines
    .filter((line) => !SHELL_INPUT_LINE.test(line))
    .map((line) => `${line}\n`)
    .join('');
}

/** A bounded transcript of a terminal's output; `append` takes the output as it arrives, in chunks of any size. */
export class TerminalTranscript {
  #raw = '';
  #decoder = new TextDecoder();
  readonly limit: number;

  constructor(limit = TRANSCRIPT_LIMIT) {
    this.limit = limit;
  }

  append(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    this.#raw += text;
    if (this.#raw.length > this.limit) this.#raw = this.#raw.slice(this.#raw.length - this.limit);
  }

  clear(): void {
    this.#raw = '';
    this.#decoder = new TextDecoder();
  }

  /** The normalised text (see normaliseTerminalText). */
  text(): string {
    return normaliseTerminalText(this.#raw);
  }
}

/**
 * Whether the terminal showed what a step expects: `expect` is the step's RegExp source (tested with
 * the `m` flag, as the step's Run button tests its output) and is matched against what commands
 * printed, without the command lines the reader typed (so a command cannot pass by its own echo).
 */
export function transcriptShows(transcript: string, expect: string): boolean {
  return new RegExp(expect, 'm').test(withoutShellInput(transcript));
}
