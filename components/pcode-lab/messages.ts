/** Every string the P-code lab shows. A 简体中文 catalogue will sit next to `en`. */
export interface PcodeLabMessages {
  regionLabel: string;
  examplesLabel: string;
  examplesPlaceholder: string;
  loadedExample: (title: string) => string;
  editorLabel: string;
  editorLoading: string;
  inputLabel: string;
  inputHint: string;
  listingLabel: string;
  listingHint: string;
  listingEmpty: string;
  breakpointOn: (pc: number) => string;
  sourceLineOf: (line: number) => string;
  compileErrorsTitle: (count: number) => string;
  controlsLabel: string;
  run: string;
  continue: string;
  step: string;
  stepTitle: string;
  stepOver: string;
  stepOverTitle: string;
  stop: string;
  reset: string;
  speedLabel: string;
  speeds: Record<SpeedId, string>;
  registersLabel: string;
  counterLabel: string;
  statusLabel: string;
  status: Record<'ready' | 'running' | 'paused' | 'breakpoint' | 'halted' | 'error' | 'not-compiled', string>;
  nextInstruction: string;
  stackLabel: string;
  stackHint: string;
  staticLink: string;
  dynamicLink: string;
  returnAddress: string;
  returnAddressValue: (pc: number) => string;
  topOfProgram: string;
  linkTo: (bp: number) => string;
  evaluationStack: string;
  emptyEvaluationStack: string;
  framesOmitted: (count: number) => string;
  frameTitle: (kind: string, name: string, bp: number) => string;
  kinds: Record<'program' | 'procedure' | 'function', string>;
  variableKinds: Record<'variable' | 'value-parameter' | 'var-parameter' | 'result', string>;
  refersTo: (address: number) => string;
  legendStatic: string;
  legendDynamic: string;
  outputLabel: string;
  outputEmpty: string;
  runtimeErrorTitle: string;
  shareButton: string;
  shareCopied: string;
  shareUrlLabel: string;
  shareInvalid: (reason: string) => string;
  sharedLoaded: string;
  restorePrevious: string;
  dismiss: string;
  stepLimitNote: string;
}

export type SpeedId = 'slow' | 'medium' | 'fast' | 'max';

export const en: PcodeLabMessages = {
  regionLabel: 'P-code lab',
  examplesLabel: 'Example',
  examplesPlaceholder: 'Load an example…',
  loadedExample: (title) => `Loaded “${title}”. Undo in the editor (Ctrl+Z) brings back what was there.`,
  editorLabel: 'Pascal program',
  editorLoading: 'Loading the editor…',
  inputLabel: 'Input',
  inputHint: 'What read and readln read. Used from the start of each run (Reset applies changes).',
  listingLabel: 'P-code',
  listingHint: 'Arrow keys move, Enter or B toggles a breakpoint, clicking a line links it to the source.',
  listingEmpty: 'Fix the compile errors to see the P-code.',
  breakpointOn: (pc) => `Breakpoint at ${pc}`,
  sourceLineOf: (line) => `line ${line}`,
  compileErrorsTitle: (count) => (count === 1 ? '1 compile error' : `${count} compile errors`),
  controlsLabel: 'Machine controls',
  run: 'Run',
  continue: 'Continue',
  step: 'Step',
  stepTitle: 'Execute one P-code instruction',
  stepOver: 'Step over',
  stepOverTitle: 'Execute one instruction; a call (CAL) runs until it returns',
  stop: 'Stop',
  reset: 'Reset',
  speedLabel: 'Speed',
  speeds: {
    slow: '2 instructions/s',
    medium: '20 instructions/s',
    fast: '3,000 instructions/s',
    max: 'As fast as possible',
  },
  registersLabel: 'Registers',
  counterLabel: 'Instructions executed',
  statusLabel: 'Status',
  status: {
    ready: 'ready',
    running: 'running',
    paused: 'paused',
    breakpoint: 'stopped at a breakpoint',
    halted: 'halted',
    error: 'runtime error',
    'not-compiled': 'not compiled',
  },
  nextInstruction: 'Next instruction',
  stackLabel: 'Stack',
  stackHint: 'Top of the stack first. Each frame: locals, return address, links, parameters.',
  staticLink: 'SL',
  dynamicLink: 'DL',
  returnAddress: 'RA',
  returnAddressValue: (pc) => `return to ${pc}`,
  topOfProgram: 'none (main program)',
  linkTo: (bp) => `→ frame at ${bp}`,
  evaluationStack: 'evaluation stack',
  emptyEvaluationStack: 'evaluation stack: empty',
  framesOmitted: (count) => `… ${count} frames not shown …`,
  frameTitle: (kind, name, bp) => `${kind} ${name}, BP = ${bp}`,
  kinds: { program: 'program', procedure: 'procedure', function: 'function' },
  variableKinds: { variable: 'local', 'value-parameter': 'parameter', 'var-parameter': 'var parameter', result: 'result' },
  refersTo: (address) => `(at ${address})`,
  legendStatic: 'static link (SL): the frame of the enclosing routine',
  legendDynamic: 'dynamic link (DL): the frame of the caller',
  outputLabel: 'Output',
  outputEmpty: 'No output yet.',
  runtimeErrorTitle: 'Runtime error',
  shareButton: 'Copy share link',
  shareCopied: 'Link copied. It carries the program and its input.',
  shareUrlLabel: 'Share link',
  shareInvalid: (reason) => `This page’s link could not be opened: ${reason}. Your own program is shown instead.`,
  sharedLoaded: 'Opened the program from the link.',
  restorePrevious: 'Restore my previous program',
  dismiss: 'Dismiss',
  stepLimitNote: 'Output is cut to its last 20,000 characters.',
};

export const pcodeLabCatalogues = { en } as const;
export type PcodeLabLocale = keyof typeof pcodeLabCatalogues;
