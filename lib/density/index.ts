/**
 * The density model of chapter 6: N copies of one workload as VMs or as containers, and how
 * many fit in a host's memory. Pure functions; the defaults carry their sources.
 */
export {
  DEFAULT_DENSITY_INPUTS,
  DENSITY_DEFAULT_SOURCES,
  DENSITY_FIELD_RANGES,
  DENSITY_SOURCES,
  GUEST_PRESETS,
  LAB_VM_MEASUREMENTS,
} from './density-inputs.ts';
export type { DensityInputs, DensityNumberField, DensitySource, FieldRange, GuestPreset } from './density-inputs.ts';
export {
  computeDensity,
  densityInputIssues,
  densityProblemWordings,
  containerPlan,
  countThatFits,
  densityCurve,
  memoryUsedMiB,
  vmPlan,
} from './density-model.ts';
export { DENSITY_HASH_KEY, decodeDensityHash, encodeDensityHash } from './density-link.ts';
export type { DensityInputIssue, DensityProblem, DensityPlan, DensityPoint, DensityResult } from './density-model.ts';
