import { existsSync } from 'node:fs';

/** The Chromium the browser tests drive: $CHROMIUM_PATH, or Debian's package. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
