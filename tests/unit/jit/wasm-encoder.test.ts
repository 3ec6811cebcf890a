import { describe, expect, test } from 'vitest';
import {
  WASM_HEADER,
  WasmFunctionBuilder,
  WasmOpcode,
  WasmSection,
  decodeUnsignedLeb128,
  encodeWasmModule,
  formatHex,
} from '../../../lib/jit/index.ts';

/** Builds `run(a, b)` from a builder and instantiates it over a one-page memory. */
function instantiate(build: (f: WasmFunctionBuilder) => void) {
  const f = new WasmFunctionBuilder(['a', 'b']);
  build(f);
  const bytes = encodeWasmModule({ memoryPages: 1, parameterCount: 2, locals: f.localsDeclaration(), code: f.code, exportName: 'run' });
  const memory = new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env: { memory } });
  return { bytes, f, memory, run: instance.exports['run'] as (a: number, b: number) => number };
}

/** Section ids in the order they appear, read back from the bytes. */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let p = 8;
  while (p < bytes.length) {
    ids.push(bytes[p]!);
    const size = decodeUnsignedLeb128(bytes, p + 1);
    p += 1 + size.length + size.value;
  }
  expect(p).toBe(bytes.length);
  return ids;
}

describe('the WebAssembly encoder', () => {
  test('a module starts with \\0asm, version 1, and has its sections in the required order', () => {
    const { bytes } = instantiate((f) => f.localGet(0));
    expect(Array.from(bytes.slice(0, 8))).toEqual([...WASM_HEADER]);
    expect(sectionIds(bytes)).toEqual([
      WasmSection.type,
      WasmSection.import,
      WasmSection.function,
      WasmSection.export,
      WasmSection.code,
    ]);
    expect(WebAssembly.validate(bytes as BufferSource)).toBe(true);
  });

  test('arithmetic, locals and constants compute what the text says', () => {
    const { run, f } = instantiate((f) => {
      const t = f.addLocal('t');
      f.localGet(0).localGet(1).op(WasmOpcode.i32Mul).i32Const(-300).op(WasmOpcode.i32Add).localSet(t);
      f.localGet(t);
    });
    expect(run(7, 6)).toBe(42 - 300);
    expect(f.text.map((l) => l.trim())).toEqual([
      'local.get $a',
      'local.get $b',
      'i32.mul',
      'i32.const -300',
      'i32.add',
      'local.set $t',
      'local.get $t',
    ]);
  });

  test('branch depths are counted from the innermost label: loop + br_table dispatch', () => {
    // Sum 1..a with a loop, then pick by b with br_table: b=0 → sum, b=1 → 100, other → -1.
    const { run, f } = instantiate((f) => {
      const sum = f.addLocal('sum');
      const result = f.addLocal('result');
      f.block('done');
      f.loop('again');
      f.localGet(0).op(WasmOpcode.i32Eqz).brIf('done');
      f.localGet(sum).localGet(0).op(WasmOpcode.i32Add).localSet(sum);
      f.localGet(0).i32Const(1).op(WasmOpcode.i32Sub).localSet(0);
      f.br('again');
      f.end().end();
      f.block('out');
      f.block('other');
      f.block('hundred');
      f.block('zero');
      f.localGet(1).brTable(['zero', 'hundred'], 'other');
      f.end();
      f.localGet(sum).localSet(result).br('out');
      f.end();
      f.i32Const(100).localSet(result).br('out');
      f.end();
      f.i32Const(-1).localSet(result);
      f.end();
      f.localGet(result);
    });
    expect(run(10, 0)).toBe(55);
    expect(run(10, 1)).toBe(100);
    expect(run(10, 7)).toBe(-1);
    expect(f.text.some((l) => l.includes('br_table $zero $hundred $other'))).toBe(true);
  });

  test('loads and stores reach the imported memory at the given offsets', () => {
    const { run, memory } = instantiate((f) => {
      f.localGet(0).localGet(1).i32Store(16);
      f.localGet(0).i32Load(16);
    });
    expect(run(8, 1234)).toBe(1234);
    expect(new Int32Array(memory.buffer)[6]).toBe(1234);
  });

  test('bulk memory: fill and copy', () => {
    const { run, memory } = instantiate((f) => {
      f.i32Const(0).i32Const(7).i32Const(8).memoryFill();
      f.i32Const(8).i32Const(0).i32Const(8).memoryCopy();
      f.i32Const(12).i32Load(0);
    });
    expect(run(0, 0)).toBe(0x07070707);
    expect(new Uint8Array(memory.buffer).slice(0, 17)).toEqual(Uint8Array.from([...new Array(16).fill(7), 0]));
  });

  test('a branch to a label that is not open is an error at build time', () => {
    const f = new WasmFunctionBuilder([]);
    f.block('a');
    expect(() => f.br('b')).toThrow(/no open label/);
  });

  test('hex dump shows offsets and two digits a byte', () => {
    expect(formatHex(Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBe('0000: 00 61 73 6d 01 00 00 00');
    expect(formatHex(new Uint8Array(17)).split('\n')[1]).toBe('0010: 00');
  });
});
