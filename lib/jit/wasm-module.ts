/**
 * Encodes a whole WebAssembly module by hand: the magic number and version, then the sections
 * (type, import, function, export, code), each as `id, size, body`. Every translation is one such
 * module with one exported function `run(pc, budget) -> pc` over an imported memory `env.memory`.
 */
import { encodeUnsignedLeb128 } from './leb128.ts';
import { WasmType } from './wasm-function-builder.ts';

export const WasmSection = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;

/** "\0asm" and version 1. */
export const WASM_HEADER: readonly number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

function name(text: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(text));
  return [...encodeUnsignedLeb128(bytes.length), ...bytes];
}

function section(id: number, body: readonly number[]): number[] {
  return [id, ...encodeUnsignedLeb128(body.length), ...body];
}

export interface WasmModuleParts {
  /** Minimum pages (64 KiB each) of the imported memory. */
  readonly memoryPages: number;
  /** Number of i32 parameters of the exported function (it returns one i32). */
  readonly parameterCount: number;
  /** The function's locals declaration (from WasmFunctionBuilder.localsDeclaration). */
  readonly locals: readonly number[];
  /** The function's instructions, without the final `end`. */
  readonly code: readonly number[];
  /** Export name of the function. */
  readonly exportName: string;
}

/** The bytes of a module with one function that imports `env.memory` and is exported by name. */
export function encodeWasmModule(parts: WasmModuleParts): Uint8Array {
  const params = new Array<number>(parts.parameterCount).fill(WasmType.i32);
  const typeSection = section(WasmSection.type, [
    1, // one function type
    0x60,
    ...encodeUnsignedLeb128(params.length),
    ...params,
    1,
    WasmType.i32,
  ]);
  const importSection = section(WasmSection.import, [
    1,
    ...name('env'),
    ...name('memory'),
    0x02, // memory
    0x00, // limits: minimum only
    ...encodeUnsignedLeb128(parts.memoryPages),
  ]);
  const functionSection = section(WasmSection.function, [1, 0]);
  const exportSection = section(WasmSection.export, [1, ...name(parts.exportName), 0x00, 0]);
  // The code section holds the one big array: its bytes are copied once, into the module, not spread.
  const bodyLength = parts.locals.length + parts.code.length + 1;
  const bodySize = encodeUnsignedLeb128(bodyLength);
  const codeHead = [WasmSection.code, ...encodeUnsignedLeb128(1 + bodySize.length + bodyLength), 1, ...bodySize, ...parts.locals];
  const head = [...WASM_HEADER, ...typeSection, ...importSection, ...functionSection, ...exportSection, ...codeHead];
  const module = new Uint8Array(head.length + parts.code.length + 1);
  module.set(head);
  module.set(parts.code, head.length);
  module[module.length - 1] = 0x0b; // the function's end
  return module;
}

/** Hex dump, 16 bytes a line, with offsets: `0000: 00 61 73 6d …`. */
export function formatHex(bytes: ArrayLike<number>, from = 0, to = bytes.length): string {
  const lines: string[] = [];
  for (let p = from; p < to; p += 16) {
    const row: string[] = [];
    for (let k = p; k < Math.min(p + 16, to); k++) row.push((bytes[k] ?? 0).toString(16).padStart(2, '0'));
    lines.push(`${p.toString(16).padStart(4, '0')}: ${row.join(' ')}`);
  }
  return lines.join('\n');
}
