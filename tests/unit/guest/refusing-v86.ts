import type { V86Constructor, V86Emulator } from '../../../lib/guest/index.ts';

/**
 * A v86 stand-in whose restore fails and which cannot run: enough to drive the start paths.
 * Each state it is asked to restore is added to `restored`.
 */
export function refusingV86(restored: Uint8Array[] = []): V86Constructor {
  return class {
    constructor() {
      const listeners = new Map<string, (value: never) => void>();
      const emulator = {
        add_listener: (event: string, listener: (value: never) => void) => {
          listeners.set(event, listener);
          if (event === 'emulator-ready') setTimeout(() => (listener as () => void)(), 0);
        },
        remove_listener: (event: string) => void listeners.delete(event),
        restore_state: async (state: ArrayBuffer) => {
          restored.push(new Uint8Array(state));
          throw new Error('state version 7 != 8');
        },
        destroy: async () => {},
        run: async () => {
          throw new Error('out of memory');
        },
      };
      return emulator as unknown as V86Emulator;
    }
  } as unknown as V86Constructor;
}
