import { describe, expect, test } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { Op } from '../../../lib/pcode/index.ts';
import { PMachine } from '../../../lib/pcode/index.ts';
import { JIT_EXAMPLES, JitMachine, translationProblemWordings } from '../../../lib/jit/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';
import type { JitMode } from '../../../lib/jit/index.ts';

const source = `program poke(output);
var i, s: integer;
begin
  s := 0;
  for i := 1 to 2000 do s := s + 3;
  writeln(s:1)
end.`;

/** The address of the `LIT 3` in the loop body. */
function literalThree(code: Int32Array): number {
  for (let pc = 0; pc < code.length / 4; pc++) if (code[pc * 4] === Op.LIT && code[pc * 4 + 1] === 3) return pc;
  throw new Error('no LIT 3');
}

describe.each<JitMode>(['dispatcher', 'chaining'])('invalidation (%s)', (mode) => {
  test('writing into translated code drops the translation, and the new code runs', async () => {
    const { program } = compileProgram(source);
    const jit = new JitMachine(program!, { threshold: 5, mode, instantiate: 'sync' });
    const target = literalThree(program!.code);
    jit.run(1000); // the loop is hot and translated by now
    const holder = jit.cache.holding(target);
    expect(holder).toBeDefined();
    const { dropped } = jit.poke(target, 1, 5); // s := s + 5 from now on
    expect(dropped).toContain(holder!.serial);
    expect(holder!.state).toBe('invalidated');
    expect(jit.cache.holding(target)).toBeUndefined();
    expect(jit.events.at(-1)).toMatchObject({ kind: 'invalidated', pc: target });
    const outcome = await jit.runToEnd();
    expect(outcome).toBe('halted');

    // The interpreter with the same write at the same moment gives the same result.
    const { program: p2 } = compileProgram(source);
    const m = new PMachine(p2!);
    m.run(1000);
    p2!.code[target * 4 + 1] = 5;
    while (m.run(100000) === 'budget');
    expect(jit.machine.output).toBe(m.output);
    expect(jit.machine.steps).toBe(m.steps);
    expect(jit.machine.output).not.toBe('6000\n');
    // ...and it was translated again after the write.
    expect(jit.cache.holding(target)).toBeDefined();
    expect(jit.cache.holding(target)!.serial).toBeGreaterThan(holder!.serial);
  });

  test('a write outside every translation drops nothing', () => {
    const { program } = compileProgram(source);
    const jit = new JitMachine(program!, { threshold: 5, mode, instantiate: 'sync' });
    jit.run(1000);
    const live = jit.cache.live().length;
    // The last instruction (HLT) is a host block: never translated.
    const last = program!.code.length / 4 - 1;
    expect(jit.poke(last, 0, Op.HLT).dropped).toEqual([]);
    expect(jit.cache.live().length).toBe(live);
  });
});

test('chaining: the region holds the whole routine, so the dispatcher is entered rarely', async () => {
  const { program } = compileProgram(source);
  const chained = new JitMachine(program!, { threshold: 5, mode: 'chaining', instantiate: 'sync' });
  await chained.runToEnd();
  const { program: p2 } = compileProgram(source);
  const dispatched = new JitMachine(p2!, { threshold: 5, mode: 'dispatcher', instantiate: 'sync' });
  await dispatched.runToEnd();
  expect(chained.machine.output).toBe('6000\n');
  expect(dispatched.machine.output).toBe('6000\n');
  // Tier 1 returns to the dispatcher after every block; tier 2 stays inside its function.
  expect(dispatched.stats().cacheHits).toBeGreaterThan(2000);
  expect(chained.stats().cacheHits).toBeLessThan(20);
  expect(chained.stats().tiers.chained).toBeGreaterThan(0);
  expect(dispatched.stats().tiers.dispatcher).toBeGreaterThan(0);
});

test('translations survive only in their own generation: switching mode forgets them', () => {
  const { program } = compileProgram(source);
  const jit = new JitMachine(program!, { threshold: 5, mode: 'chaining', instantiate: 'sync' });
  jit.run(1000);
  expect(jit.cache.live().length).toBeGreaterThan(0);
  jit.mode = 'dispatcher';
  expect(jit.cache.live().length).toBe(0);
  expect(Array.from(jit.counters).every((c) => c === 0)).toBe(true);
});

test('if WebAssembly cannot be compiled, the program still runs, in the interpreter, and says why', async () => {
  const { program } = compileProgram(source);
  const jit = new JitMachine(program!, { threshold: 2, mode: 'chaining', instantiate: 'sync' });
  const original = WebAssembly.Module;
  (WebAssembly as { Module: unknown }).Module = function refuse() {
    throw new WebAssembly.CompileError('Refused to compile or instantiate WebAssembly module');
  };
  try {
    expect(await jit.runToEnd()).toBe('halted');
  } finally {
    (WebAssembly as { Module: unknown }).Module = original;
  }
  expect(jit.machine.output).toBe('6000\n');
  expect(jit.translationProblem).toEqual({ code: 'webAssemblyRefused', params: { reason: 'Refused to compile or instantiate WebAssembly module' } });
  // The engine carries the code and its parameters only; the lab words them in the reader's edition.
  expect(Object.values(jit).filter((v) => typeof v === 'string' && /could not be compiled/.test(v))).toEqual([]);
  expect(wordMessage(translationProblemWordings, jit.translationProblem!, 'en')).toBe(
    'WebAssembly could not be compiled here (Refused to compile or instantiate WebAssembly module); the program goes on in the interpreter.',
  );
  expect(wordMessage(translationProblemWordings, jit.translationProblem!, 'zh-CN')).toBe(
    '这里无法编译 WebAssembly（Refused to compile or instantiate WebAssembly module）；程序继续在解释器中运行。',
  );
  expect(jit.stats().tiers.interpreter).toBe(jit.machine.steps);
});

test('every JIT example is titled in English and in Chinese', () => {
  for (const e of JIT_EXAMPLES) {
    expect(e.title).toBe(e.titles.en);
    expect(e.titles['zh-CN'], e.id).toMatch(/[\u4e00-\u9fff]/);
  }
});
