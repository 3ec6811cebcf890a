/** The compiler's types: ordinal types (with optional bounds), arrays and records. */

export type OrdinalKind = 'integer' | 'boolean' | 'char';

export interface OrdinalType {
  readonly kind: OrdinalKind;
  /** Bounds of a subrange type (or the full range of char and boolean). */
  readonly low?: number;
  readonly high?: number;
}

export interface ArrayType {
  readonly kind: 'array';
  readonly index: OrdinalType;
  readonly low: number;
  readonly high: number;
  readonly element: PascalType;
  readonly size: number;
}

export interface RecordField {
  readonly name: string;
  readonly offset: number;
  readonly type: PascalType;
}

export interface RecordType {
  readonly kind: 'record';
  readonly fields: readonly RecordField[];
  readonly size: number;
}

/** A string literal's type (only usable in write and as a constant). */
export interface StringType {
  readonly kind: 'string';
}

export type PascalType = OrdinalType | ArrayType | RecordType | StringType;

export const INTEGER: OrdinalType = { kind: 'integer' };
export const BOOLEAN: OrdinalType = { kind: 'boolean', low: 0, high: 1 };
export const CHAR: OrdinalType = { kind: 'char', low: 0, high: 255 };
export const STRING: StringType = { kind: 'string' };

export function isOrdinal(t: PascalType): t is OrdinalType {
  return t.kind === 'integer' || t.kind === 'boolean' || t.kind === 'char';
}

export function sizeOf(t: PascalType): number {
  return t.kind === 'array' || t.kind === 'record' ? t.size : 1;
}

/** Assignment compatibility: ordinals by kind, structured types by identity. */
export function sameType(a: PascalType, b: PascalType): boolean {
  if (isOrdinal(a) && isOrdinal(b)) return a.kind === b.kind;
  return a === b;
}

/** The name of a type for messages. */
export function typeName(t: PascalType): string {
  switch (t.kind) {
    case 'integer':
    case 'boolean':
    case 'char':
      return t.kind;
    case 'string':
      return 'string';
    case 'array':
      return `array[${t.low}..${t.high}] of ${typeName(t.element)}`;
    case 'record':
      return 'record';
  }
}
