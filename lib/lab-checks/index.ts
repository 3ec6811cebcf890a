/**
 * Lab checks: small verification scripts run in the lab VM that look at the state a step leaves
 * (a namespace, a cgroup, a bridge) and say what is still missing, as codes worded per edition.
 */
export { bridgeCheck, cgroupOomCheck, checkScript, isLabCheckId, kvmIntelProbeCheck, labChecks, pidNamespaceShellCheck, readCheckOutput, runLabCheck, tinyContainerCheck, vethCheck } from './lab-checks.ts';
export type { CheckCondition, CheckVerdict, LabCheck, LabCheckId } from './lab-checks.ts';
export { checkFindingWordings } from './check-wordings.ts';
export type { CheckFinding } from './check-wordings.ts';
export { normaliseTerminalText, TerminalTranscript, TRANSCRIPT_LIMIT, transcriptShows, withoutShellInput } from './terminal-transcript.ts';
