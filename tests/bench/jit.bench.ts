/**
 * The JIT against the interpreter (and against native code from Free Pascal, when `fpc` is on the
 * PATH) on a loop-heavy, an array-heavy and a call-heavy program. Every engine runs each program
 * once to warm up, then several times, interleaved; the table shows the median. JIT times include finding
 * blocks, translating and compiling: each run starts from a cold translation cache.
 *
 *   node tests/bench/jit.bench.ts [runs]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileProgram } from '../../lib/pascal/index.ts';
import { PMachine } from '../../lib/pcode/index.ts';
import type { PProgram } from '../../lib/pcode/index.ts';
import { JitMachine } from '../../lib/jit/index.ts';
import type { JitMode } from '../../lib/jit/index.ts';
import { JIT_BENCH_PROGRAMS } from './jit-programs.ts';

const runs = Math.max(1, Number(process.argv[2] ?? 7));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Times several engines on one program. Runs are interleaved (A B C, A B C, …) so that a noisy
 * moment on a shared machine hits every engine alike; each engine's first run is a warm-up.
 */
function timeInterleaved(engines: readonly { name: string; run: () => string }[], expected: string): Map<string, number> {
  const times = new Map<string, number[]>(engines.map((e) => [e.name, []]));
  for (let k = 0; k <= runs; k++) {
    for (const e of engines) {
      const t = performance.now();
      const output = e.run();
      const ms = performance.now() - t;
      if (output !== expected) throw new Error(`${e.name}: output differs: ${output} vs ${expected}`);
      if (k > 0) times.get(e.name)!.push(ms);
    }
  }
  return new Map([...times].map(([name, xs]) => [name, median(xs)]));
}

function clone(p: PProgram): PProgram {
  return { ...p, code: p.code.slice() };
}

function interpret(program: PProgram): { output: string; steps: number } {
  const m = new PMachine(clone(program));
  while (m.run(50_000_000) === 'budget');
  return { output: m.output, steps: m.steps };
}

function jit(program: PProgram, mode: JitMode): string {
  const j = new JitMachine(clone(program), { mode, threshold: 50, instantiate: 'sync' });
  while (j.run(50_000_000) === 'budget');
  return j.machine.output;
}

function findFpc(): string | undefined {
  const r = spawnSync('fpc', ['-iV'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const fpcVersion = findFpc();
const work = fpcVersion ? mkdtempSync(join(tmpdir(), 'jit-bench-')) : '';

/** Builds the program with Free Pascal; returns a function that runs the binary, or undefined. */
function nativeRunner(name: string, source: string): (() => string) | undefined {
  if (!fpcVersion) return undefined;
  const file = join(work, `${name}.pas`);
  writeFileSync(file, source);
  execFileSync('fpc', ['-Miso', '-O2', `-o${join(work, name)}`, file], { stdio: 'ignore' });
  const exe = join(work, name);
  return () => execFileSync(exe, { encoding: 'utf8' });
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const times = (x: number) => `${x.toFixed(1)}×`;

console.log(
  `Median of ${runs} interleaved runs after a warm-up; Node ${process.version}; JIT threshold 50; times in ms; ` +
    `${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the start.`,
);
console.log(fpcVersion ? `Native: Free Pascal ${fpcVersion}, fpc -Miso -O2 (time includes starting the process).` : 'Native: fpc not on PATH, skipped.');
console.log('');
console.log('| program | what it does | P-instructions | interpreter | JIT tier 1 (dispatcher) | JIT tier 2 (chained) | speedup tier 1 | speedup tier 2 | native | tier 2 vs native |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const p of JIT_BENCH_PROGRAMS) {
  const { program, diagnostics } = compileProgram(p.source);
  if (!program) throw new Error(`${p.name}: ${JSON.stringify(diagnostics)}`);
  const reference = interpret(program);
  const engines = [
    { name: 'interpreter', run: () => interpret(program).output },
    { name: 'tier1', run: () => jit(program, 'dispatcher') },
    { name: 'tier2', run: () => jit(program, 'chaining') },
  ];
  const runNative = nativeRunner(p.name, p.source);
  if (runNative) engines.push({ name: 'native', run: runNative });
  const t = timeInterleaved(engines, reference.output);
  const interp = t.get('interpreter')!;
  const tier1 = t.get('tier1')!;
  const tier2 = t.get('tier2')!;
  const nat = t.get('native');
  console.log(
    `| ${p.name} | ${p.kind} | ${reference.steps.toLocaleString('en')} | ${fmt(interp)} | ${fmt(tier1)} | ${fmt(tier2)} | ${times(interp / tier1)} | ${times(interp / tier2)} | ${nat === undefined ? '—' : fmt(nat)} | ${nat === undefined ? '—' : tier2 > nat ? `${times(tier2 / nat)} slower` : `${times(nat / tier2)} faster`} |`,
  );
}
if (work) rmSync(work, { recursive: true, force: true });
