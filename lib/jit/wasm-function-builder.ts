/**
 * Builds the body of one WebAssembly function as bytes and, side by side, as readable WAT-style
 * text (one line per instruction, indented by nesting, labels by name). Branches name their target
 * label; the builder turns the name into the relative depth the binary format wants.
 */
import { encodeSignedLeb128, encodeUnsignedLeb128 } from './leb128.ts';

/** WebAssembly opcodes this JIT emits (binary format, §5.4 of the core specification). */
export const WasmOpcode = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  brTable: 0x0e,
  return: 0x0f,
  drop: 0x1a,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GtU: 0x4b,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32DivS: 0x6d,
  i32RemS: 0x6f,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  /** Prefix of the bulk-memory instructions (memory.copy = 0xfc 10, memory.fill = 0xfc 11). */
  bulkPrefix: 0xfc,
} as const;

/** Value type i32 and the "no result" block type. */
export const WasmType = { i32: 0x7f, empty: 0x40 } as const;

const simpleNames: Record<number, string> = {
  [WasmOpcode.drop]: 'drop',
  [WasmOpcode.select]: 'select',
  [WasmOpcode.i32Eqz]: 'i32.eqz',
  [WasmOpcode.i32Eq]: 'i32.eq',
  [WasmOpcode.i32Ne]: 'i32.ne',
  [WasmOpcode.i32LtS]: 'i32.lt_s',
  [WasmOpcode.i32LtU]: 'i32.lt_u',
  [WasmOpcode.i32GtS]: 'i32.gt_s',
  [WasmOpcode.i32GtU]: 'i32.gt_u',
  [WasmOpcode.i32LeS]: 'i32.le_s',
  [WasmOpcode.i32GeS]: 'i32.ge_s',
  [WasmOpcode.i32Add]: 'i32.add',
  [WasmOpcode.i32Sub]: 'i32.sub',
  [WasmOpcode.i32Mul]: 'i32.mul',
  [WasmOpcode.i32DivS]: 'i32.div_s',
  [WasmOpcode.i32RemS]: 'i32.rem_s',
  [WasmOpcode.i32And]: 'i32.and',
  [WasmOpcode.i32Or]: 'i32.or',
  [WasmOpcode.i32Xor]: 'i32.xor',
  [WasmOpcode.i32Shl]: 'i32.shl',
  [WasmOpcode.i32ShrS]: 'i32.shr_s',
  [WasmOpcode.return]: 'return',
};

interface OpenLabel {
  readonly name: string;
  readonly kind: 'block' | 'loop' | 'if';
}

export class WasmFunctionBuilder {
  /** The instruction bytes (without the locals declaration and the final `end`). */
  readonly code: number[] = [];
  /** One line of WAT per instruction, unindented, and the nesting depth it is at. */
  private readonly lines: string[] = [];
  private readonly depths: number[] = [];
  private readonly labels: OpenLabel[] = [];
  private readonly localNames: string[] = [];
  private readonly parameterCount: number;

  /** Whether to keep the WAT text (off: only the bytes, and the count of lines the text would have). */
  private readonly withText: boolean;
  private lineCount = 0;

  constructor(parameterNames: readonly string[], options: { text?: boolean } = {}) {
    this.localNames.push(...parameterNames);
    this.parameterCount = parameterNames.length;
    this.withText = options.text ?? true;
  }

  /** Declares an i32 local and returns its index. */
  addLocal(name: string): number {
    this.localNames.push(name);
    return this.localNames.length - 1;
  }

  /** Number of i32 locals declared (not counting parameters). */
  get localCount(): number {
    return this.localNames.length - this.parameterCount;
  }

  /** Current byte offset into `code`. */
  get byteOffset(): number {
    return this.code.length;
  }

  /** Current line number into `text`. */
  get lineOffset(): number {
    return this.lineCount;
  }

  /** One line of WAT per instruction, indented by nesting (built on demand: translating needs only the bytes). */
  get text(): string[] {
    return this.lines.map((s, k) => '  '.repeat(this.depths[k]! + 1) + s);
  }

  /** Nesting depth of open blocks, loops and ifs. */
  get depth(): number {
    return this.labels.length;
  }

  private line(s: string): void {
    this.lines.push(s);
    this.depths.push(this.labels.length);
    this.lineCount++;
  }

  /** A comment line in the text (no bytes). */
  comment(s: string): void {
    if (this.withText) this.line(`;; ${s}`);
    else this.lineCount++;
  }

  block(name: string): this {
    return this.open(WasmOpcode.block, 'block', name);
  }

  loop(name: string): this {
    return this.open(WasmOpcode.loop, 'loop', name);
  }

  /** `block` or `loop` without a result: opens a label. */
  private open(opcode: number, kind: 'block' | 'loop', name: string): this {
    this.code.push(opcode, WasmType.empty);
    if (this.withText) this.line(`${kind} $${name}`);
    else this.lineCount++;
    this.labels.push({ name, kind });
    return this;
  }

  /** `if` with no result, or with an i32 result. */
  if(name: string, result: 'none' | 'i32' = 'none'): this {
    this.code.push(WasmOpcode.if, result === 'i32' ? WasmType.i32 : WasmType.empty);
    if (this.withText) this.line(result === 'i32' ? `if $${name} (result i32)` : `if $${name}`);
    else this.lineCount++;
    this.labels.push({ name, kind: 'if' });
    return this;
  }

  else(): this {
    const top = this.labels.pop();
    if (!top || top.kind !== 'if') throw new Error('else without if');
    this.code.push(WasmOpcode.else);
    if (this.withText) this.line('else');
    else this.lineCount++;
    this.labels.push(top);
    return this;
  }

  end(): this {
    const top = this.labels.pop();
    if (!top) throw new Error('end without an open block');
    this.code.push(WasmOpcode.end);
    if (this.withText) this.line(`end ;; $${top.name}`);
    else this.lineCount++;
    return this;
  }

  private depthOf(name: string): number {
    for (let k = this.labels.length - 1; k >= 0; k--) {
      if (this.labels[k]!.name === name) return this.labels.length - 1 - k;
    }
    throw new Error(`no open label $${name}`);
  }

  br(name: string): this {
    return this.withIndex(WasmOpcode.br, this.depthOf(name), 'br', name);
  }

  brIf(name: string): this {
    return this.withIndex(WasmOpcode.brIf, this.depthOf(name), 'br_if', name);
  }

  /** br_table: `targets[i]` for index i, `fallback` for any other index. */
  brTable(targets: readonly string[], fallback: string): this {
    this.code.push(WasmOpcode.brTable);
    encodeUnsignedLeb128(targets.length, this.code);
    // A dispatcher's table names few labels many times over: look each one up once.
    const depths = new Map<string, number>();
    for (const t of targets) {
      let depth = depths.get(t);
      if (depth === undefined) depths.set(t, (depth = this.depthOf(t)));
      encodeUnsignedLeb128(depth, this.code);
    }
    encodeUnsignedLeb128(this.depthOf(fallback), this.code);
    if (this.withText) {
      const shown = targets.length > 12 ? [...targets.slice(0, 12).map((t) => `$${t}`), `… ${targets.length - 12} more`] : targets.map((t) => `$${t}`);
      this.line(`br_table ${shown.join(' ')} $${fallback}`);
    }
    else this.lineCount++;
    return this;
  }

  localGet(index: number): this {
    return this.withIndex(WasmOpcode.localGet, index, 'local.get', this.localNames[index]!);
  }

  localSet(index: number): this {
    return this.withIndex(WasmOpcode.localSet, index, 'local.set', this.localNames[index]!);
  }

  localTee(index: number): this {
    return this.withIndex(WasmOpcode.localTee, index, 'local.tee', this.localNames[index]!);
  }

  /** An instruction whose immediate is an index (of a label or a local), shown in the text by its name. */
  private withIndex(opcode: number, index: number, mnemonic: string, name: string): this {
    this.code.push(opcode);
    encodeUnsignedLeb128(index, this.code);
    if (this.withText) this.line(`${mnemonic} $${name}`);
    else this.lineCount++;
    return this;
  }

  i32Const(value: number): this {
    this.code.push(WasmOpcode.i32Const);
    encodeSignedLeb128(value | 0, this.code);
    if (this.withText) this.line(`i32.const ${value | 0}`);
    else this.lineCount++;
    return this;
  }

  /** i32.load with a constant byte offset (alignment 4). */
  i32Load(offset: number): this {
    return this.memoryAccess(WasmOpcode.i32Load, 'i32.load', offset);
  }

  /** i32.store with a constant byte offset (alignment 4). */
  i32Store(offset: number): this {
    return this.memoryAccess(WasmOpcode.i32Store, 'i32.store', offset);
  }

  /** A load or store of an aligned i32 (alignment 2^2) at a constant byte offset. */
  private memoryAccess(opcode: number, mnemonic: string, offset: number): this {
    this.code.push(opcode, 2);
    encodeUnsignedLeb128(offset, this.code);
    if (this.withText) this.line(offset === 0 ? mnemonic : `${mnemonic} offset=${offset}`);
    else this.lineCount++;
    return this;
  }

  /** memory.copy (dest, src, length on the operand stack): like memmove. */
  memoryCopy(): this {
    this.code.push(WasmOpcode.bulkPrefix, 10, 0, 0);
    if (this.withText) this.line('memory.copy');
    else this.lineCount++;
    return this;
  }

  /** memory.fill (dest, byte, length on the operand stack). */
  memoryFill(): this {
    this.code.push(WasmOpcode.bulkPrefix, 11, 0);
    if (this.withText) this.line('memory.fill');
    else this.lineCount++;
    return this;
  }

  /** A simple instruction without immediates (arithmetic, comparison, drop, return). */
  op(opcode: number): this {
    const name = simpleNames[opcode];
    if (name === undefined) throw new Error(`opcode 0x${opcode.toString(16)} needs immediates`);
    this.code.push(opcode);
    if (this.withText) this.line(name);
    else this.lineCount++;
    return this;
  }

  /** The locals declaration of the body: every declared local is an i32. */
  localsDeclaration(): number[] {
    const count = this.localCount;
    if (count === 0) return [0];
    return [...encodeUnsignedLeb128(1), ...encodeUnsignedLeb128(count), WasmType.i32];
  }

  /** The complete WAT text of the function. */
  watText(signature: string): string {
    const params = this.localNames.slice(0, this.parameterCount).map((n) => `(param $${n} i32)`).join(' ');
    const locals = this.localNames.slice(this.parameterCount).map((n) => `(local $${n} i32)`);
    const head = `(func ${signature} ${params} (result i32)`;
    const localLines: string[] = [];
    for (let k = 0; k < locals.length; k += 6) localLines.push('  ' + locals.slice(k, k + 6).join(' '));
    return [head, ...localLines, ...this.text, ')'].join('\n');
  }
}
