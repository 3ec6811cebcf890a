import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ENGINE_FACES, importCycles, layerViolations } from '../../architecture-rules.ts';

function sources(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|astro)$/.test(name)) out.set(path.split('\\').join('/'), readFileSync(path, 'utf8'));
  }
  return out;
}

const project = new Map([...sources('lib'), ...sources('components')]);

describe('the layers of DESIGN.md', () => {
  test('nothing in lib/ imports components/, React or Astro; engines meet through their index.ts', () => {
    expect(layerViolations(project)).toEqual([]);
  });

  test('no import cycles among the source files of lib/ and components/', () => {
    expect(importCycles(project)).toEqual([]);
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
});
