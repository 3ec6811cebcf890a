/**
 * What the guest says about its memory: the lines of /proc/meminfo the balloon moves, and the
 * balloon counters of /proc/vmstat (the driver's view: pages it has put into and taken out of
 * the balloon since boot).
 */

/** /proc/meminfo figures, in KiB as the kernel prints them. */
export type GuestMeminfo = {
  memTotalKiB: number;
  memFreeKiB: number;
  memAvailableKiB: number;
};

/** The virtio_balloon driver's counters from /proc/vmstat, in pages (4 KiB on i686). */
export type BalloonDriverCounters = {
  inflatedPages: number;
  deflatedPages: number;
};

/** The command that prints everything `parseGuestMemory` reads. */
export const GUEST_MEMORY_COMMAND =
  "grep -E '^(MemTotal|MemFree|MemAvailable):' /proc/meminfo; grep -E '^balloon_(inflate|deflate) ' /proc/vmstat";

function field(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Reads the output of GUEST_MEMORY_COMMAND. Null fields mean the guest did not print them
 * (a kernel without the balloon's vmstat counters prints no balloon_ lines).
 */
export function parseGuestMemory(text: string): { meminfo: GuestMeminfo | null; driver: BalloonDriverCounters | null } {
  const memTotalKiB = field(text, /^MemTotal:\s+(\d+) kB/m);
  const memFreeKiB = field(text, /^MemFree:\s+(\d+) kB/m);
  const memAvailableKiB = field(text, /^MemAvailable:\s+(\d+) kB/m);
  const inflatedPages = field(text, /^balloon_inflate (\d+)/m);
  const deflatedPages = field(text, /^balloon_deflate (\d+)/m);
  return {
    meminfo: memTotalKiB !== null && memFreeKiB !== null && memAvailableKiB !== null
      ? { memTotalKiB, memFreeKiB, memAvailableKiB }
      : null,
    driver: inflatedPages !== null && deflatedPages !== null ? { inflatedPages, deflatedPages } : null,
  };
}
