// The comment at the top of each file generateBridgePair writes, in both editions: the file is
// written in the reader's edition (the bridge editor's page, the CLI's --lang).

import { wordings, type MessageOf } from '../book/localized-text.ts';

export const generatedCommentWordings = {
  bridgeFile: wordings(
    (p: { bridge: string }) => `${p.bridge}: the bridge. It carries the host's IP address.`,
    (p) => `${p.bridge}：网桥。主机的 IP 地址配在它上面。`,
  ),
  portFile: wordings(
    (p: { port: string; bridge: string }) => `${p.port}: a port of ${p.bridge}. No IP settings here: they live on the bridge.`,
    (p) => `${p.port}：${p.bridge} 的端口。这里不写 IP 设置，IP 设置都在网桥上。`,
  ),
};

export type GeneratedComment = MessageOf<typeof generatedCommentWordings>;
