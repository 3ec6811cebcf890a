/**
 * How many copies of one workload fit in a host's memory, run as VMs or as containers.
 *
 * The model (all sizes in MiB):
 *
 *   VMs:        host reserve + Σ per VM (VM overhead + guest OS + workload private + workload shared).
 *               With KSM on, every VM after the first frees `ksmSavings` of its guest memory
 *               (guest OS + workload), because its identical pages merge with the first VM's.
 *   Containers: host reserve + (the workload's shared files once, if the containers share one image)
 *               + Σ per container (container overhead + workload private
 *                                  [+ workload shared, if every container has its own copy of the files]).
 *
 * Memory is the only resource modelled: CPU, I/O and swap are left out, and every copy is
 * assumed to use its whole working set at once (no overcommit beyond what sharing frees).
 */
import { DENSITY_FIELD_RANGES, type DensityInputs, type DensityNumberField } from './density-inputs.ts';
import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

/** One way of running the copies: how much the first copy and each further copy cost. */
export type DensityPlan = {
  /** Paid once, before any copy runs (host reserve, a shared image's files). */
  fixedMiB: number;
  /** What the first copy adds. */
  firstMiB: number;
  /** What every further copy adds. */
  eachMiB: number;
  /** How many copies fit in the host's memory. */
  fits: number;
};

export type DensityResult = {
  vm: DensityPlan;
  container: DensityPlan;
  /** How many more containers than VMs fit (Infinity when no VM fits but a container does). */
  ratio: number;
};

/** What can be wrong with an input, in every edition of the book (the field is its identifier). */
export const densityProblemWordings = {
  notANumber: wordings(
    (p: { field: DensityNumberField }) => `${p.field} must be a number`,
    (p) => `${p.field} 必须是一个数字`,
  ),
  outOfRange: wordings(
    (p: { field: DensityNumberField; min: number; max: number; value: number }) =>
      `${p.field} must be between ${p.min} and ${p.max} (it is ${p.value})`,
    (p) => `${p.field} 必须在 ${p.min} 到 ${p.max} 之间（现在是 ${p.value}）`,
  ),
  reserveTooLarge: wordings(
    () => 'the host reserve leaves no memory for VMs or containers: make it smaller than the host memory',
    () => '宿主机预留的内存没有给虚拟机或容器留下任何空间：请把它设得比宿主机内存小',
  ),
};
export type DensityProblem = MessageOf<typeof densityProblemWordings>;

/** A problem with one input, as the reader can fix it: its `code` and `params` word it in any edition (densityProblemWordings). */
export type DensityInputIssue = DensityProblem & { field: keyof DensityInputs };

const NUMBER_FIELDS = Object.keys(DENSITY_FIELD_RANGES) as DensityNumberField[];

/** Every input that is not a usable number in its range; an empty list means the inputs are fine. */
export function densityInputIssues(inputs: DensityInputs): DensityInputIssue[] {
  const issues: DensityInputIssue[] = [];
  for (const field of NUMBER_FIELDS) {
    const value = inputs[field];
    const { min, max } = DENSITY_FIELD_RANGES[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ field, code: 'notANumber', params: { field } });
    } else if (value < min || value > max) {
      issues.push({ field, code: 'outOfRange', params: { field, min, max, value } });
    }
  }
  if (issues.length === 0 && inputs.hostReserveMiB >= inputs.hostMemoryMiB) {
    issues.push({ field: 'hostReserveMiB', code: 'reserveTooLarge' });
  }
  return issues;
}

/** The memory one VM's guest holds: its OS and one copy of the workload. */
function guestMemoryMiB(inputs: DensityInputs): number {
  return inputs.guestOsMiB + inputs.appPrivateMiB + inputs.appSharedMiB;
}

export function vmPlan(inputs: DensityInputs): Omit<DensityPlan, 'fits'> {
  const guest = guestMemoryMiB(inputs);
  const first = inputs.vmOverheadMiB + guest;
  const each = inputs.ksm ? inputs.vmOverheadMiB + guest * (1 - inputs.ksmSavings) : first;
  return { fixedMiB: inputs.hostReserveMiB, firstMiB: first, eachMiB: each };
}

export function containerPlan(inputs: DensityInputs): Omit<DensityPlan, 'fits'> {
  const each = inputs.containerOverheadMiB + inputs.appPrivateMiB + (inputs.sharedImage ? 0 : inputs.appSharedMiB);
  return {
    fixedMiB: inputs.hostReserveMiB + (inputs.sharedImage ? inputs.appSharedMiB : 0),
    firstMiB: each,
    eachMiB: each,
  };
}

/** Memory in use with `count` copies running under a plan. */
export function memoryUsedMiB(plan: Omit<DensityPlan, 'fits'>, count: number): number {
  if (count <= 0) return plan.fixedMiB;
  return plan.fixedMiB + plan.firstMiB + (count - 1) * plan.eachMiB;
}

/** The largest count whose memory in use is at most `hostMemoryMiB`. */
export function countThatFits(plan: Omit<DensityPlan, 'fits'>, hostMemoryMiB: number): number {
  const room = hostMemoryMiB - plan.fixedMiB - plan.firstMiB;
  if (room < 0) return 0;
  if (plan.eachMiB <= 0) return Number.POSITIVE_INFINITY;
  let count = 1 + Math.floor(room / plan.eachMiB);
  // Guard the floor against floating-point edges in either direction.
  while (count > 0 && memoryUsedMiB(plan, count) > hostMemoryMiB) count--;
  while (memoryUsedMiB(plan, count + 1) <= hostMemoryMiB) count++;
  return count;
}

/** Both plans and how many copies of each fit. Check the inputs first with densityInputIssues. */
export function computeDensity(inputs: DensityInputs): DensityResult {
  const vmBase = vmPlan(inputs);
  const containerBase = containerPlan(inputs);
  const vm = { ...vmBase, fits: countThatFits(vmBase, inputs.hostMemoryMiB) };
  const container = { ...containerBase, fits: countThatFits(containerBase, inputs.hostMemoryMiB) };
  const ratio = vm.fits === 0 ? (container.fits === 0 ? 1 : Number.POSITIVE_INFINITY) : container.fits / vm.fits;
  return { vm, container, ratio };
}

/** A point of the chart: memory in use with `count` copies of each kind. */
export type DensityPoint = { count: number; vmMiB: number; containerMiB: number };

/**
 * Memory in use for 0 … `maxCount` copies, at no more than `maxPoints` evenly spaced counts
 * (always including 0 and `maxCount`, and the counts where each kind stops fitting).
 */
export function densityCurve(inputs: DensityInputs, maxCount: number, maxPoints = 64): DensityPoint[] {
  const vm = vmPlan(inputs);
  const container = containerPlan(inputs);
  const top = Math.max(1, Math.floor(maxCount));
  const counts = new Set<number>();
  const steps = Math.max(1, Math.min(maxPoints - 1, top));
  for (let i = 0; i <= steps; i++) counts.add(Math.round((i * top) / steps));
  for (const fits of [countThatFits(vm, inputs.hostMemoryMiB), countThatFits(container, inputs.hostMemoryMiB)]) {
    if (Number.isFinite(fits) && fits <= top) counts.add(fits);
  }
  return [...counts]
    .sort((a, b) => a - b)
    .map((count) => ({ count, vmMiB: memoryUsedMiB(vm, count), containerMiB: memoryUsedMiB(container, count) }));
}
