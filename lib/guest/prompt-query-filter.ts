/**
 * BusyBox's line editor asks the terminal where the cursor is (ESC [ 6 n) each time it prints a
 * prompt. A terminal answers with ESC [ row ; col R on the input side; when the answer arrives
 * while the shell is busy (right after a cold boot, when the host types the next line, after a
 * Ctrl-C), the tty echoes it as text, and the reader sees `^[[24;13R` on the screen and in the
 * next command line.
 *
 * The lab VM's terminals do not need the answer (the shell knows its prompt), so this filter
 * takes the query out of what they are shown when it directly follows a prompt (`# `, `$ `,
 * `> `). A query anywhere else (a program that really asks) passes through untouched.
 */
const QUERY = [0x1b, 0x5b, 0x36, 0x6e]; // ESC [ 6 n
const PROMPT_END = /[#$>] $/;

export class PromptQueryFilter {
  #held: number[] = [];
  /** The end of the current line as the terminal was shown it. */
  #line = '';

  /** The bytes to pass on for one byte from the guest (empty while a possible query is held). */
  push(byte: number): number[] {
    if (byte === QUERY[this.#held.length]) {
      this.#held.push(byte);
      if (this.#held.length < QUERY.length) return [];
      const query = this.#held;
      this.#held = [];
      return PROMPT_END.test(this.#line) ? [] : this.#pass(query);
    }
    const held = this.#held;
    this.#held = [];
    if (byte === QUERY[0]) {
      this.#held = [byte];
      return this.#pass(held);
    }
    return this.#pass([...held, byte]);
  }

  #pass(bytes: number[]): number[] {
    for (const byte of bytes) {
      if (byte === 0x0a || byte === 0x0d) this.#line = '';
      else this.#line = (this.#line + String.fromCharCode(byte)).slice(-8);
    }
    return bytes;
  }
}
