/**
 * Pre-copy live migration (Clark et al., "Live Migration of Virtual Machines", NSDI 2005), as a
 * model: round 1 sends all of memory while the guest runs; each later round resends what the guest
 * dirtied during the round before; when what is left can be sent within the allowed downtime the
 * guest stops and the rest goes with its CPU and device state (stop-and-copy).
 *
 * Stop rules, as real hypervisors have them:
 * - switch over when the pages left fit `bandwidth × downtime limit` (QEMU: downtime-limit,
 *   300 ms by default; max-bandwidth 128 MiB/s);
 * - give up iterating after `maxRounds` (Xen's xc_domain_save: 29 iterations), or when a round
 *   would send at least as much as the one before (Xen: the dirty rate has caught up with the
 *   link) — then stop-and-copy whatever is left, however long that takes.
 */

export interface PreCopyInputs {
  /** Guest memory, in 4 KiB pages. */
  readonly memoryPages: number;
  /** Pages the guest dirties in `seconds` of running (distinct pages). */
  readonly dirtiedPages: (seconds: number) => number;
  /** The link, in pages per second. */
  readonly bandwidthPagesPerSecond: number;
  /** The longest pause the operator accepts, in seconds. */
  readonly downtimeLimitSeconds: number;
  readonly maxRounds: number;
}

export interface PreCopyRound {
  /** 1-based; round 1 sends all of memory. */
  readonly round: number;
  readonly pagesSent: number;
  readonly seconds: number;
}

export type PreCopyEnding = 'converged' | 'round-limit' | 'not-shrinking';

export interface PreCopyResult {
  readonly rounds: readonly PreCopyRound[];
  /** What the stop-and-copy phase sent while the guest was paused. */
  readonly finalPages: number;
  readonly downtimeSeconds: number;
  readonly totalSeconds: number;
  readonly totalPagesSent: number;
  /** Why iterating stopped: converged under the limit, or forced. */
  readonly ending: PreCopyEnding;
}

/** Distinct pages dirtied in t seconds by writes at `rate` pages/s spread over a working set of `workingSet` pages. */
export function randomWriterDirtying(rate: number, workingSet: number): (seconds: number) => number {
  if (workingSet <= 0 || rate <= 0) return () => 0;
  return (seconds) => workingSet * (1 - Math.exp((-rate * seconds) / workingSet));
}

export function simulatePreCopy(inputs: PreCopyInputs): PreCopyResult {
  const { memoryPages, bandwidthPagesPerSecond: bandwidth, downtimeLimitSeconds, maxRounds } = inputs;
  if (!(bandwidth > 0)) throw new RangeError('bandwidth must be positive');
  const rounds: PreCopyRound[] = [];
  let toSend = memoryPages;
  let ending: PreCopyEnding = 'round-limit';
  for (let round = 1; ; round++) {
    const seconds = toSend / bandwidth;
    rounds.push({ round, pagesSent: toSend, seconds });
    const dirtied = Math.min(memoryPages, Math.round(inputs.dirtiedPages(seconds)));
    if (dirtied / bandwidth <= downtimeLimitSeconds) {
      ending = 'converged';
      toSend = dirtied;
      break;
    }
    if (round >= maxRounds) {
      ending = 'round-limit';
      toSend = dirtied;
      break;
    }
    if (round > 1 && dirtied >= toSend) {
      ending = 'not-shrinking';
      toSend = dirtied;
      break;
    }
    toSend = dirtied;
  }
  const iterSeconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const downtimeSeconds = toSend / bandwidth;
  return {
    rounds,
    finalPages: toSend,
    downtimeSeconds,
    totalSeconds: iterSeconds + downtimeSeconds,
    totalPagesSent: rounds.reduce((s, r) => s + r.pagesSent, 0) + toSend,
    ending,
  };
}

/** Stop-and-copy alone: pause, send everything, resume. */
export function stopAndCopySeconds(memoryPages: number, bandwidthPagesPerSecond: number): number {
  return memoryPages / bandwidthPagesPerSecond;
}

/** QEMU's defaults (docs/devel/migration, qapi/migration.json): 300 ms downtime limit, 128 MiB/s. */
export const QEMU_DOWNTIME_LIMIT_SECONDS = 0.3;
export const QEMU_MAX_BANDWIDTH_MIB_PER_SECOND = 128;
/** Xen's xc_domain_save gives up iterating after this many rounds. */
export const XEN_MAX_ITERATIONS = 29;
export const PAGES_PER_MIB = 256;

/** One bandwidth's outcome, for drawing pre-copy against stop-and-copy across links. */
export interface BandwidthOutcome {
  readonly bandwidthPagesPerSecond: number;
  readonly preCopy: PreCopyResult;
  /** Stop-and-copy of all of memory at this bandwidth: its downtime is its total time. */
  readonly stopAndCopySeconds: number;
}

/** Pre-copy and stop-and-copy for each bandwidth, everything else as in `inputs`. */
export function preCopyAcrossBandwidths(
  inputs: Omit<PreCopyInputs, 'bandwidthPagesPerSecond'>,
  bandwidthsPagesPerSecond: readonly number[],
): BandwidthOutcome[] {
  return bandwidthsPagesPerSecond.map((bandwidth) => ({
    bandwidthPagesPerSecond: bandwidth,
    preCopy: simulatePreCopy({ ...inputs, bandwidthPagesPerSecond: bandwidth }),
    stopAndCopySeconds: stopAndCopySeconds(inputs.memoryPages, bandwidth),
  }));
}

/**
 * The link below which pre-copy cannot converge, however many rounds it runs: the guest's
 * sustained dirty rate (pages/s over the longest measured window). A round of t seconds leaves
 * rate × t pages for the next, so the rounds shrink only when the link outruns the rate.
 */
export function sustainedDirtyRate(dirtiedPages: (seconds: number) => number, windowSeconds: number): number {
  return windowSeconds > 0 ? dirtiedPages(windowSeconds) / windowSeconds : 0;
}

/** `count` bandwidths spaced evenly on a log scale from `low` to `high` (both included). */
export function logSpacedBandwidths(low: number, high: number, count: number): number[] {
  if (!(low > 0 && high > low && count >= 2)) throw new RangeError('need 0 < low < high and count ≥ 2');
  const step = Math.log(high / low) / (count - 1);
  return Array.from({ length: count }, (_, i) => low * Math.exp(step * i));
}
