/**
 * Live migration: pre-copy modelled (rounds, downtime and total time for a dirty rate and a link),
 * the dirty pages of a running guest counted from its RAM, and a real stop-and-copy migration of
 * the lab VM from one emulator to another.
 */
export {
  PAGES_PER_MIB, QEMU_DOWNTIME_LIMIT_SECONDS, QEMU_MAX_BANDWIDTH_MIB_PER_SECOND, XEN_MAX_ITERATIONS,
  logSpacedBandwidths, preCopyAcrossBandwidths, randomWriterDirtying, simulatePreCopy, stopAndCopySeconds, sustainedDirtyRate,
} from './pre-copy.ts';
export type { BandwidthOutcome, PreCopyEnding, PreCopyInputs, PreCopyResult, PreCopyRound } from './pre-copy.ts';
export { DirtyPageTracker, MAX_WINDOW_INTERVALS, PAGE_BYTES, dirtyingFromCurve, hashPage } from './dirty-pages.ts';
export type { DirtyCurvePoint, DirtyInterval, DirtyScanProblem } from './dirty-pages.ts';
export {
  COUNTER_BUS_EVENT, COUNTER_DEVICE, COUNTER_PERIOD_US, CounterReader, counterContinued, SCAN_CHUNK_PAGES, WRITER_BLOCK_PAGES, WRITER_PERIOD_US,
  WRITER_START_TIMEOUT_MS, WRITER_WORKING_SET_PAGES, counterStartCommand, counterStopCommand, measureDirtyPages, migrateLabVM, writerPagesPerTick,
  writerStartCommand, writerStopCommand,
} from './lab-migration.ts';
export type { CounterLine, DirtyMeasureOptions, DirtyMeasureProblem, MigrationMeasurement } from './lab-migration.ts';
export { dirtyMeasureProblemWordings, preCopyEndingWordings } from './migration-wordings.ts';
export type { DirtyMeasureProblemMessage, PreCopyEndingMessage } from './migration-wordings.ts';
