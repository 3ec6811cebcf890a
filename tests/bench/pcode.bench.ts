/**
 * P-machine speed in P-instructions per second, on a loop-heavy, an array-heavy and a
 * call-heavy program (compiled by lib/pascal), run with `run(budget)` and no breakpoints.
 * Each figure is the median of several timed runs after a warm-up run.
 */
import { cpus, loadavg } from 'node:os';
import { compileProgram, formatDiagnostic } from '../../lib/pascal/index.ts';
import { PMachine, wordRuntimeError } from '../../lib/pcode/index.ts';
import type { PProgram } from '../../lib/pcode/index.ts';

const programs: { name: string; source: string; expect: string }[] = [
  {
    name: 'loop-heavy (s := (s + i*i mod 1000) mod 1000003, 3 M iterations)',
    source: `program loops(output);
      var i, s: integer;
      begin
        s := 0;
        for i := 1 to 3000000 do s := (s + i * i mod 1000) mod 1000003;
        writeln(s)
      end.`,
    expect: '',
  },
  {
    name: 'array-heavy (sieve of Eratosthenes to 200 000, 10 times)',
    source: `program sieve(output);
      const n = 200000;
      var prime: array[2..n] of boolean; i, j, round, count: integer;
      begin
        for round := 1 to 10 do begin
          for i := 2 to n do prime[i] := true;
          for i := 2 to n do
            if prime[i] then begin
              j := i + i;
              while j <= n do begin prime[j] := false; j := j + i end
            end;
          count := 0;
          for i := 2 to n do if prime[i] then count := count + 1
        end;
        writeln(count)
      end.`,
    expect: '',
  },
  {
    name: 'call-heavy (recursive fib(27))',
    source: `program fib(output);
      function fib(n: integer): integer;
      begin if n < 2 then fib := n else fib := fib(n - 1) + fib(n - 2) end;
      begin writeln(fib(27)) end.`,
    expect: '',
  },
];

function compile(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.program;
}

/** Runs to the end; `ms` is wall-clock time, `cpuMs` the CPU time this process got meanwhile. */
function timeRun(program: PProgram): { steps: number; ms: number; cpuMs: number; output: string } {
  const machine = new PMachine(program);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let outcome = machine.run(100_000_000);
  while (outcome === 'budget') outcome = machine.run(100_000_000);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  if (outcome !== 'halted') throw new Error(`did not halt: ${outcome} ${machine.error ? wordRuntimeError(machine.error) : ''}`);
  return { steps: machine.steps, ms, cpuMs: (cpu.user + cpu.system) / 1000, output: machine.output };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const RUNS = 7;
console.log(`## P-machine speed (Node ${process.version}, median of ${RUNS} runs after a warm-up)\n`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average at start ${loadavg()[0]!.toFixed(1)} (figures drop when the machine is busy).\n`);
console.log('| program | P-instructions | wall time (ms) | P-instructions/s (wall) | P-instructions per CPU-second | ns per instruction (CPU) |');
console.log('|---|---:|---:|---:|---:|---:|');
const rates: number[] = [];
const cpuRates: number[] = [];
for (const p of programs) {
  const program = compile(p.source);
  const warm = timeRun(program);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const run = timeRun(program);
    if (run.output !== warm.output || run.steps !== warm.steps) throw new Error('runs differ');
    times.push(run.ms);
    cpuTimes.push(run.cpuMs);
  }
  const ms = median(times);
  const cpuMs = median(cpuTimes);
  const rate = warm.steps / (ms / 1000);
  const cpuRate = warm.steps / (cpuMs / 1000);
  rates.push(rate);
  cpuRates.push(cpuRate);
  console.log(
    `| ${p.name} | ${warm.steps.toLocaleString('en-US')} | ${ms.toFixed(1)} | ${(rate / 1e6).toFixed(0)} M | ${(cpuRate / 1e6).toFixed(0)} M | ${((cpuMs * 1e6) / warm.steps).toFixed(2)} |`,
  );
}
const harmonic = (values: number[]) => values.length / values.reduce((s, r) => s + 1 / r, 0);
console.log(
  `\nHarmonic mean: **${(harmonic(rates) / 1e6).toFixed(0)} M P-instructions/s** wall-clock, ` +
    `**${(harmonic(cpuRates) / 1e6).toFixed(0)} M per CPU-second** (target ≥ 250 M). ` +
    `Load average at the end: ${loadavg()[0]!.toFixed(1)}.`,
);
