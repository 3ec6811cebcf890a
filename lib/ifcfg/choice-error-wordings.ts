// What is wrong with the choices for generateBridgePair (the CLI's generate flags), in both editions.

import { wordings, type MessageOf } from '../book/localized-text.ts';

export const choiceErrorWordings = {
  badBridgeName: wordings(
    (p: { name: string }) => `"${p.name}" is not an interface name (1-15 letters, digits, "_", "-", ".")`,
    (p) => `“${p.name}”不是接口名（1–15 个字母、数字、“_”、“-”或“.”）`,
  ),
  badPortName: wordings((p: { name: string }) => `"${p.name}" is not an interface name`, (p) => `“${p.name}”不是接口名`),
  portIsBridge: wordings(
    () => 'the port must be a different interface from the bridge',
    () => '端口必须是与网桥不同的接口',
  ),
  badAddress: wordings(
    (p: { address: string }) => `"${p.address}" is not an address with a prefix, e.g. 192.168.1.10/24 (or "dhcp")`,
    (p) => `“${p.address}”不是带前缀的地址，例如 192.168.1.10/24（或者写“dhcp”）`,
  ),
  notIpv4: wordings((p: { value: string }) => `"${p.value}" is not an IPv4 address`, (p) => `“${p.value}”不是 IPv4 地址`),
  gatewayOutside: wordings(
    (p: { gateway: string; address: string }) => `${p.gateway} is outside ${p.address}`,
    (p) => `${p.gateway} 不在 ${p.address} 之内`,
  ),
  badMac: wordings(
    (p: { value: string }) => `"${p.value}" is not a MAC address like 52:54:00:12:34:56`,
    (p) => `“${p.value}”不是 52:54:00:12:34:56 这样的 MAC 地址`,
  ),
  delayOutOfRange: wordings(
    () => 'with STP on, the forward delay must be 2-30 seconds',
    () => 'STP 打开时，转发延迟必须在 2–30 秒之间',
  ),
};

export type ChoiceErrorMessage = MessageOf<typeof choiceErrorWordings>;
