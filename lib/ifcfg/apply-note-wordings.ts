// What applyBridgeFilesInLabVM says itself (as opposed to the guest's own output), in both editions.

import { wordings, type MessageOf } from '../book/localized-text.ts';

export const applyNoteWordings = {
  badFileNames: wordings(
    (p: { names: string }) => `not applied: ${p.names} is not a file name like ifcfg-br0`,
    (p) => `没有应用：${p.names} 不是 ifcfg-br0 这样的文件名`,
  ),
};

/** A sentence of ours in an apply step, worded per edition. */
export type ApplyNote = MessageOf<typeof applyNoteWordings>;
