/// <reference types="vite/client" />
// The two monitors as text, for showing beside each other: the TypeScript one that the lab steps
// (hello-vmm.ts, this engine's own code) and the C one for the real /dev/kvm (guest/kvm-hello).
// A step's line is the line with its `yield 'step'` in TypeScript and its `[step]` mark in C.

import helloVmmSource from './hello-vmm.ts?raw';
import kvmHelloSource from '../../guest/kvm-hello/kvm-hello.c?raw';
import type { VmmStep } from './hello-vmm.ts';

export const HELLO_VMM_TS_SOURCE: string = helloVmmSource;
export const KVM_HELLO_C_SOURCE: string = kvmHelloSource;

/** The 1-based line of a step in the TypeScript monitor, or 0. */
export function typeScriptLineOfStep(source: string, step: VmmStep): number {
  return source.split('\n').findIndex((line) => line.includes(`yield '${step}'`)) + 1;
}

/** The 1-based line of a step in the C monitor, or 0 when the C program has no such mark. */
export function cLineOfStep(source: string, step: VmmStep): number {
  return source.split('\n').findIndex((line) => line.includes(`[${step}]`)) + 1;
}
