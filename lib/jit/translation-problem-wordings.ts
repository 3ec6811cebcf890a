/**
 * What the JIT says when it has to stop translating, worded for each edition of the book. The
 * `reason` parameter is the browser's own text (it comes from the WebAssembly engine).
 */
import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

export const translationProblemWordings = {
  webAssemblyRefused: wordings(
    (p: { reason: string }) => `WebAssembly could not be compiled here (${p.reason}); the program goes on in the interpreter.`,
    (p) => `这里无法编译 WebAssembly（${p.reason}）；程序继续在解释器中运行。`,
  ),
};

/** Why translation is off (see `translationProblemWordings`). */
export type TranslationProblem = MessageOf<typeof translationProblemWordings>;
