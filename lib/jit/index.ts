/**
 * The JIT engine: basic blocks and the control-flow graph of a P-code program, a translator from
 * P-code blocks to WebAssembly (encoded by hand, byte by byte), a translation cache, and a JIT
 * machine that runs the interpreter and the compiled code side by side.
 * Islands, CLIs and benchmarks import only from here.
 */
export { findBasicBlocks } from './basic-blocks.ts';
export type { BasicBlock, BlockKind, ControlFlowEdge, ControlFlowGraph, EdgeKind } from './basic-blocks.ts';
export { decodeSignedLeb128, decodeUnsignedLeb128, encodeSignedLeb128, encodeUnsignedLeb128 } from './leb128.ts';
export { WasmFunctionBuilder, WasmOpcode, WasmType } from './wasm-function-builder.ts';
export { WASM_HEADER, WasmSection, encodeWasmModule, formatHex } from './wasm-module.ts';
export type { WasmModuleParts } from './wasm-module.ts';
export { MemoryLayout, memoryPagesFor, translateRegion } from './translate-region.ts';
export type { BlockCodeRange, LoopInfo, RegionTranslation, TranslateOptions } from './translate-region.ts';
export { TranslationCache } from './translation-cache.ts';
export type { CacheEntry, TranslatedCode, TranslationTier } from './translation-cache.ts';
export { JitMachine } from './jit-machine.ts';
export { translationProblemWordings } from './translation-problem-wordings.ts';
export type { TranslationProblem } from './translation-problem-wordings.ts';
export type { JitEvent, JitMode, JitOptions, JitStats, PokeResult, TierCounts } from './jit-machine.ts';
export { JIT_LAB_HASH_KEY, MAX_JIT_THRESHOLD, decodeJitLabHash, encodeJitLabHash } from './lab-link.ts';
export type { DecodedJitLabHash, JitLabState } from './lab-link.ts';
export { JIT_EXAMPLES } from './examples.ts';
export type { JitExample } from './examples.ts';
export { measureSpeed } from './measure-speed.ts';
export type { MeasureOptions, MeasureOutcome, SpeedEngine, SpeedResult } from './measure-speed.ts';
