/**
 * Records the bytes a guest writes to a serial port and lets callers wait until the text
 * matches. Text is kept as Latin-1 (one char per byte) so byte offsets and string offsets are
 * the same; decode with `decodeSerialText` for display.
 */
import { LabVMError } from './guest-errors.ts';
import type { StopReason, WaitTarget } from './guest-wordings.ts';

export class SerialRecorder {
  #text = '';
  /** Absolute offset of #text[0]; older output is dropped past `limit` characters. */
  #base = 0;
  #pending = '';
  #waiters = new Set<{ check: () => void }>();
  #scheduled = false;
  #closedReason: StopReason | null = null;
  readonly limit: number;

  constructor(limit = 4 * 1024 * 1024) {
    this.limit = limit;
  }

  /** Absolute number of bytes recorded so far (a mark for `text` and `waitFor`). */
  get length(): number {
    return this.#base + this.#text.length + this.#pending.length;
  }

  push(byte: number): void {
    this.#pending += String.fromCharCode(byte & 0xff);
    if (!this.#scheduled && this.#waiters.size > 0) {
      this.#scheduled = true;
      setTimeout(() => this.#flushAndCheck(), 0);
    }
  }

  /** Recorded text from absolute offset `from` (default: everything still kept). */
  text(from = 0): string {
    this.#flush();
    return this.#text.slice(Math.max(0, from - this.#base));
  }

  /** Resolves with the text since `from` once `predicate` accepts it; rejects after `timeoutMs`. */
  waitFor(predicate: (text: string) => boolean, timeoutMs: number, what: WaitTarget, from = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.#closedReason) {
        reject(new LabVMError({ code: 'stoppedWaiting', params: { what, reason: this.#closedReason } }));
        return;
      }
      const waiter = {
        check: () => {
          if (this.#closedReason) {
            finish();
            reject(new LabVMError({ code: 'stoppedWaiting', params: { what, reason: this.#closedReason } }));
            return;
          }
          const text = this.text(from);
          if (predicate(text)) {
            finish();
            resolve(text);
          }
        },
      };
      const timer = setTimeout(() => {
        finish();
        reject(new LabVMError({ code: 'timedOut', params: { ms: timeoutMs, what } }));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** Rejects every waiter (the machine is gone). */
  close(reason: StopReason): void {
    this.#closedReason = reason;
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  #flush(): void {
    if (this.#pending === '') return;
    this.#text += this.#pending;
    this.#pending = '';
    if (this.#text.length > this.limit) {
      const drop = this.#text.length - Math.floor(this.limit / 2);
      this.#text = this.#text.slice(drop);
      this.#base += drop;
    }
  }

  #flushAndCheck(): void {
    this.#scheduled = false;
    this.#flush();
    for (const waiter of [...this.#waiters]) waiter.check();
  }
}

/** Turns recorded Latin-1 text (raw bytes) into a string, decoding UTF-8. */
export function decodeSerialText(latin1: string): string {
  const bytes = new Uint8Array(latin1.length);
  for (let index = 0; index < latin1.length; index++) bytes[index] = latin1.charCodeAt(index);
  return new TextDecoder().decode(bytes);
}
