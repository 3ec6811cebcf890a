/** Live migration, modelled: pre-copy rounds, downtime and total time for a dirty rate and a link. */
export {
  PAGES_PER_MIB, QEMU_DOWNTIME_LIMIT_SECONDS, QEMU_MAX_BANDWIDTH_MIB_PER_SECOND, XEN_MAX_ITERATIONS,
  randomWriterDirtying, simulatePreCopy, stopAndCopySeconds,
} from './pre-copy.ts';
export type { PreCopyEnding, PreCopyInputs, PreCopyResult, PreCopyRound } from './pre-copy.ts';
