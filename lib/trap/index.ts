// The trap lab's engine: a teaching ISA, a guest kernel with workloads, and four ways to run it
// (trap-and-emulate, binary translation, para-virtualization, hardware assist) against bare metal.

export {
  INSTRUCTION_SET, SENSITIVE_UNPRIVILEGED, HYPERCALLS, instructionInfo, isOpcode,
  FLAG_IF, MONITOR_IDTR, MONITOR_MSW, PV_VIRQ_MASK,
} from './isa.ts';
export type { Opcode, InstructionKind, InstructionInfo, HypercallName } from './isa.ts';
export { assembleProgram, assemblyErrorWordings } from './assembler.ts';
export type { AssemblyError, AssemblyMessage, AssemblyResult, Instruction, Operand, Program } from './assembler.ts';
export { DEFAULT_COST_MODEL, COST_MODEL_KEYS, normalizeCostModel } from './cost-model.ts';
export type { CostModel } from './cost-model.ts';
export {
  WORKLOADS, WORKLOAD_IDS, IO_WORDS, PV_BATCH_SIZES, DEFAULT_WORKLOAD_SETTINGS, getWorkload, isWorkloadId,
  countChangedLines,
} from './workloads.ts';
export type { Workload, WorkloadId, WorkloadSettings } from './workloads.ts';
export {
  TrapMachine, STRATEGY_IDS, DEFAULT_VMCS_CONTROLS, VMCS_CONTROL_KEYS, isStrategyId,
} from './trap-machine.ts';
export type {
  StrategyId, GuestMode, Actor, VmcsControls, MachineOptions, MachineEvent, ExitReason, ResourceViolation, Counters,
  StepRecord, HaltState, MachineSnapshot, TranslatedBlock,
} from './trap-machine.ts';
export { runWorkload, compareStrategies, createMachine, workloadProgram, DEFAULT_RUN_OPTIONS } from './run-workload.ts';
export type { RunOptions, RunReport, LabRunError } from './run-workload.ts';
export { checkPopekGoldberg, classifyInstruction, gradeClassification } from './popek-goldberg.ts';
export type { Classification, VirtualizabilityVerdict, ClassificationGrade, ClassificationMark } from './popek-goldberg.ts';
export {
  DEFAULT_LAB_SETUP, LAB_SETUP_HASH_KEY, normalizeLabSetup, serializeLabSetup, parseLabSetup,
  encodeLabSetupHash, decodeLabSetupHash,
} from './lab-setup.ts';
export type { LabSetup } from './lab-setup.ts';
export {
  IO_CHANNELS, IO_SIZES_KIB, DEFAULT_IO_SIZE_KIB, IO_BLOCK_BYTES, ioChannel, ioMeasurementBytes, ioMeasurementCommand,
  ioDevicesCheckCommand,
  measureIoChannel, ioSpeedup, medianIoMeasurement, IO_ROUNDS,
} from './io-measurement.ts';
export type {
  IoChannel, IoChannelId, IoMeasureProblem, IoMeasureTarget, IoMeasurement, IoMeasurementResult,
} from './io-measurement.ts';
export { ioMeasureProblemWordings } from './io-measurement.ts';
export {
  trapFaultWordings, consoleOutputWordings, runDifferenceWordings, instructionSummaryWordings, exitReasonWordings,
  workloadNames,
} from './trap-wordings.ts';
export type { TrapFault, ConsoleOutput, RunDifference } from './trap-codes.ts';
export { formatComparisonTable } from './format-comparison-table.ts';
