import { describe, expect, test } from 'vitest';
import { ENGINE_FACES, englishWordedByEngines, importCycles, importsOf, layerViolations } from '../../architecture-rules.ts';
import { sourceTexts } from '../../source-files.ts';

const project = new Map([...sourceTexts('lib', /\.(ts|tsx|astro)$/), ...sourceTexts('components', /\.(ts|tsx|astro)$/)]);

describe('the layers of DESIGN.md', () => {
  test('nothing in lib/ imports components/, React or Astro; engines meet through their index.ts', () => {
    expect(layerViolations(project)).toEqual([]);
  });

  test('no import cycles among the source files of lib/ and components/', () => {
    expect(importCycles(project)).toEqual([]);
  });

  test('the engines that return codes word none of them in English when they make them', () => {
    expect(englishWordedByEngines(project)).toEqual([]);
  });

  test('the trap engine: the modules that make its codes import them from trap-codes.ts, and only its edge imports the catalogue', () => {
    const importers = [...project]
      .filter(([path, source]) => path.startsWith('lib/trap/') && importsOf(source).includes('./trap-wordings.ts'))
      .map(([path]) => path)
      .sort();
    expect(importers).toEqual(['lib/trap/format-comparison-table.ts', 'lib/trap/index.ts']);
  });

  test('every face besides index.ts exists', () => {
    for (const face of Object.keys(ENGINE_FACES)) expect(project.has(face), face).toBe(true);
  });

  test('the rules catch a components/ import in lib/, a framework import, a deep cross-engine import and a cycle', () => {
    const files = new Map([
      ['lib/pcode/machine.ts', "import { x } from '../../components/pcode-lab/messages.ts';\nimport type { Y } from './disassembler.ts';"],
      ['lib/pcode/disassembler.ts', "import type { M } from './machine.ts';"],
      ['lib/jit/jit-machine.ts', "import { PMachine } from '../pcode/machine.ts';\nimport { useState } from 'react';"],
      ['lib/jit/index.ts', "export * from './jit-machine.ts';\nexport * from '../pcode/index.ts';"],
      ['components/jit-lab/JitLab.tsx', "import { JitMachine } from '../../lib/jit/index.ts';\nimport { trace } from '../../lib/jit/jit-machine.ts';"],
    ]);
    expect(layerViolations(files)).toEqual([
      'lib/pcode/machine.ts imports components/pcode-lab/messages.ts: lib/ never imports components/',
      'lib/jit/jit-machine.ts imports lib/pcode/machine.ts: use lib/pcode/index.ts',
      'lib/jit/jit-machine.ts imports react: an engine uses no UI framework',
      'components/jit-lab/JitLab.tsx imports lib/jit/jit-machine.ts: use lib/jit/index.ts (or a face listed in ENGINE_FACES)',
    ]);
    expect(importCycles(files)).toEqual([['lib/pcode/machine.ts', 'lib/pcode/disassembler.ts']]);
  });

  test('the rules catch the trap engine as it was (its ISA, machine and workloads worded their codes from the catalogue, which imported them back) and an English copy made from a catalogue', () => {
    const files = new Map([
      ['lib/trap/isa.ts', "import { wordMessage } from '../book/localized-text.ts';\nimport { instructionSummaryWordings } from './trap-wordings.ts';\nconst summary = wordMessage(instructionSummaryWordings, { code: op }, 'en');"],
      ['lib/trap/trap-wordings.ts', "import type { Opcode } from './isa.ts';\nimport type { ExitReason } from './trap-machine.ts';\nimport type { WorkloadId } from './workloads.ts';\nconst en = wordMessage(trapFaultWordings, p.fault, 'en');"],
      ['lib/trap/trap-machine.ts', "import type { Opcode } from './isa.ts';\nimport { trapFaultWordings } from './trap-wordings.ts';\nconst message = wordMessage(trapFaultWordings, fault, 'en');"],
      ['lib/trap/workloads.ts', "import { consoleOutputWordings } from './trap-wordings.ts';\nconst labels = outputs.map((output) => wordMessage(consoleOutputWordings, output, 'en'));"],
      ['lib/pcode/machine.ts', "const words = wordMessage(runtimeErrorWordings, failure, locale);"],
      ['lib/pcode/share-link.ts', "return { kind: 'invalid', problem: { code }, reason: shareLinkProblemWordings[code].en() };"],
      ['lib/density/density-model.ts', "const message = wordMessage(densityProblemWordings, problem, 'en');"],
    ]);
    expect(importCycles(files)).toEqual([
      ['lib/trap/isa.ts', 'lib/trap/trap-wordings.ts'],
      ['lib/trap/isa.ts', 'lib/trap/trap-wordings.ts', 'lib/trap/trap-machine.ts'],
      ['lib/trap/trap-wordings.ts', 'lib/trap/trap-machine.ts'],
      ['lib/trap/trap-wordings.ts', 'lib/trap/workloads.ts'],
    ]);
    expect(englishWordedByEngines(files)).toEqual([
      "lib/trap/isa.ts:3: wordMessage(instructionSummaryWordings, { code: op }, 'en'): return the code and let whoever shows it word it",
      "lib/trap/trap-machine.ts:3: wordMessage(trapFaultWordings, fault, 'en'): return the code and let whoever shows it word it",
      "lib/trap/workloads.ts:2: wordMessage(consoleOutputWordings, output, 'en'): return the code and let whoever shows it word it",
      "lib/pcode/share-link.ts:1: shareLinkProblemWordings[code].en(: return the code and let whoever shows it word it",
    ]);
  });
});
