// The rules' fixtures: for every rule, files that trip it and a near-identical pair that does not.
// Shared by the rule tests and the Chinese-wording tests, so each edition is checked on the same inputs.

export const BR0 = `DEVICE=br0
NAME=br0
TYPE=Bridge
ONBOOT=yes
BOOTPROTO=none
IPADDR=192.168.1.10
PREFIX=24
GATEWAY=192.168.1.1
DNS1=192.168.1.1
DEFROUTE=yes
IPV6INIT=no
STP=no
NM_CONTROLLED=yes
`;
export const ETH0 = `DEVICE=eth0
NAME=br0-port-eth0
TYPE=Ethernet
HWADDR=52:54:00:12:34:56
ONBOOT=yes
BRIDGE=br0
NM_CONTROLLED=yes
`;

export type Files = { path: string; text: string }[];
export const pair = (br0: string = BR0, eth0: string = ETH0): Files => [
  { path: 'ifcfg-br0', text: br0 },
  { path: 'ifcfg-eth0', text: eth0 },
];
export const replace = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
};

// Each rule: files that trip it (with the expected severity) and a near-identical pair that does not.
export const CASES: { rule: string; severity: 'error' | 'warning'; bad: Files; good: Files; key?: string }[] = [
  { rule: 'crlf', severity: 'error', bad: pair(BR0.replace(/\n/g, '\r\n')), good: pair() },
  { rule: 'unquoted-space', severity: 'error', key: 'NAME', bad: pair(replace(BR0, 'NAME=br0', 'NAME=My Bridge')), good: pair(replace(BR0, 'NAME=br0', 'NAME="My Bridge"')) },
  { rule: 'shell-expansion', severity: 'error', key: 'GATEWAY', bad: pair(replace(BR0, 'GATEWAY=192.168.1.1', 'GATEWAY="$GW"')), good: pair(replace(BR0, 'GATEWAY=192.168.1.1', "GATEWAY='192.168.1.1'")) },
  { rule: 'shell-expansion', severity: 'error', key: 'NAME', bad: pair(replace(BR0, 'NAME=br0', 'NAME=$HOSTNAME')), good: pair(replace(BR0, 'NAME=br0', "NAME='$HOSTNAME'")) },
  { rule: 'shell-syntax', severity: 'error', key: 'ONBOOT', bad: pair(replace(BR0, 'ONBOOT=yes', 'export ONBOOT=yes')), good: pair() },
  { rule: 'shell-syntax', severity: 'error', key: 'NAME', bad: pair(replace(BR0, 'NAME=br0', 'NAME="br0')), good: pair(replace(BR0, 'NAME=br0', 'NAME="br0"')) },
  { rule: 'duplicate-key', severity: 'warning', key: 'STP', bad: pair(BR0 + 'STP=no\n'), good: pair() },
  { rule: 'key-case', severity: 'error', key: 'Type', bad: pair(replace(BR0, 'TYPE=Bridge', 'TYPE=Bridge\nOnBoot=yes').replace('ONBOOT=yes\n', '').replace('OnBoot', 'Type')), good: pair() },
  { rule: 'type-case', severity: 'error', key: 'TYPE', bad: pair(replace(BR0, 'TYPE=Bridge', 'TYPE=bridge')), good: pair(replace(BR0, 'TYPE=Bridge', 'TYPE="Bridge"')) },
  { rule: 'bridge-type-missing', severity: 'error', bad: pair(replace(BR0, 'TYPE=Bridge\n', '')), good: pair() },
  { rule: 'device-missing', severity: 'error', key: 'DEVICE', bad: pair(replace(BR0, 'DEVICE=br0\n', '')), good: pair() },
  { rule: 'device-name', severity: 'error', key: 'DEVICE', bad: [{ path: 'ifcfg-x', text: 'DEVICE=a/b\nTYPE=Ethernet\n' }], good: [{ path: 'ifcfg-ab', text: 'DEVICE=ab\nTYPE=Ethernet\n' }] },
  { rule: 'device-file-mismatch', severity: 'warning', key: 'DEVICE', bad: pair(BR0, replace(ETH0, 'DEVICE=eth0', 'DEVICE=ens3')), good: pair() },
  { rule: 'file-name', severity: 'warning', bad: [{ path: 'ifcfg-eth0.backup', text: ETH0 }, { path: 'ifcfg-br0', text: BR0 }], good: pair() },
  { rule: 'bridge-not-found', severity: 'error', key: 'BRIDGE', bad: [{ path: 'ifcfg-eth0', text: ETH0 }], good: pair() },
  { rule: 'bridge-not-found', severity: 'error', key: 'BRIDGE', bad: pair(BR0, replace(ETH0, 'BRIDGE=br0', 'BRIDGE=br1')), good: pair() },
  { rule: 'bridge-in-bridge-file', severity: 'error', key: 'BRIDGE', bad: pair(BR0 + 'BRIDGE=br0\n'), good: pair() },
  { rule: 'bridge-without-port', severity: 'warning', bad: [{ path: 'ifcfg-br0', text: BR0 }], good: pair() },
  { rule: 'bridge-without-port', severity: 'error', key: 'DEVICE', bad: pair(BR0, replace(ETH0, 'BRIDGE=br0\n', '')), good: pair() },
  { rule: 'port-type-bridge', severity: 'error', key: 'TYPE', bad: pair(BR0, replace(ETH0, 'TYPE=Ethernet', 'TYPE=Bridge')), good: pair() },
  { rule: 'port-ip-settings', severity: 'error', key: 'IPADDR', bad: pair(BR0, ETH0 + 'IPADDR=192.168.1.10\nPREFIX=24\n'), good: pair(BR0, ETH0 + 'BOOTPROTO=none\n') },
  { rule: 'port-ip-settings', severity: 'error', key: 'BOOTPROTO', bad: pair(BR0, ETH0 + 'BOOTPROTO=dhcp\n'), good: pair(BR0, ETH0 + 'BOOTPROTO=none\n') },
  { rule: 'wireless-port', severity: 'error', bad: pair(BR0, replace(replace(ETH0, 'TYPE=Ethernet', 'TYPE=Wireless'), 'DEVICE=eth0', 'DEVICE=eth0\nESSID=home')), good: pair() },
  { rule: 'wireless-port', severity: 'error', bad: [{ path: 'ifcfg-br0', text: BR0 }, { path: 'ifcfg-wlp2s0', text: 'DEVICE=wlp2s0\nBRIDGE=br0\nONBOOT=yes\nNM_CONTROLLED=yes\n' }], good: pair() },
  { rule: 'nm-controlled-mismatch', severity: 'error', bad: pair(replace(BR0, 'NM_CONTROLLED=yes', 'NM_CONTROLLED=no')), good: pair(replace(BR0, 'NM_CONTROLLED=yes', 'NM_CONTROLLED=no'), replace(ETH0, 'NM_CONTROLLED=yes', 'NM_CONTROLLED=no')) },
  { rule: 'hwaddr-on-bridge', severity: 'error', key: 'HWADDR', bad: pair(BR0 + 'HWADDR=52:54:00:12:34:56\n'), good: pair(BR0 + 'MACADDR=52:54:00:12:34:56\n') },
  { rule: 'boolean-value', severity: 'error', key: 'ONBOOT', bad: pair(replace(BR0, 'ONBOOT=yes', 'ONBOOT=off')), good: pair(replace(BR0, 'ONBOOT=yes', 'ONBOOT="yes"')) },
  { rule: 'boolean-value', severity: 'warning', key: 'ONBOOT', bad: pair(replace(BR0, 'ONBOOT=yes', 'ONBOOT=on')), good: pair() },
  { rule: 'boolean-value', severity: 'error', key: 'ONBOOT', bad: pair(replace(BR0, 'ONBOOT=yes', 'ONBOOT=false')), good: pair(replace(BR0, 'ONBOOT=yes', 'ONBOOT=yes')) },
  { rule: 'boolean-value', severity: 'error', key: 'DEFROUTE', bad: pair(replace(BR0, 'DEFROUTE=yes', 'DEFROUTE=NO')), good: pair(replace(BR0, 'DEFROUTE=yes', 'DEFROUTE=no')) },
  { rule: 'boolean-value', severity: 'error', key: 'NM_CONTROLLED', bad: pair(replace(BR0, 'NM_CONTROLLED=yes', 'NM_CONTROLLED=off'), replace(ETH0, 'NM_CONTROLLED=yes', 'NM_CONTROLLED=off')), good: pair() },
  { rule: 'onboot-no', severity: 'warning', key: 'ONBOOT', bad: pair(BR0, replace(ETH0, 'ONBOOT=yes', 'ONBOOT=no')), good: pair() },
  { rule: 'bootproto-value', severity: 'error', key: 'BOOTPROTO', bad: pair(replace(replace(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=DHCP'), 'IPADDR=192.168.1.10\n', ''), 'PREFIX=24\nGATEWAY=192.168.1.1\n', '')), good: pair(replace(replace(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=dhcp'), 'IPADDR=192.168.1.10\n', ''), 'PREFIX=24\nGATEWAY=192.168.1.1\n', '')) },
  { rule: 'bootproto-value', severity: 'warning', key: 'BOOTPROTO', bad: pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=Static')), good: pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=static')) },
  { rule: 'bootproto-value', severity: 'error', key: 'BOOTPROTO', bad: pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=fixed')), good: pair() },
  { rule: 'static-without-address', severity: 'error', bad: pair(replace(BR0, 'IPADDR=192.168.1.10\n', '')), good: pair() },
  { rule: 'static-without-address', severity: 'error', key: 'BOOTPROTO', bad: pair('DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=static\n'), good: pair('DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=dhcp\n') },
  { rule: 'dhcp-with-address', severity: 'warning', key: 'IPADDR', bad: pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=dhcp')), good: pair() },
  { rule: 'ipaddr-with-prefix', severity: 'error', key: 'IPADDR', bad: pair(replace(replace(BR0, 'IPADDR=192.168.1.10', 'IPADDR=192.168.1.10/24'), 'PREFIX=24\n', '')), good: pair() },
  { rule: 'invalid-address', severity: 'error', key: 'IPADDR', bad: pair(replace(BR0, 'IPADDR=192.168.1.10', 'IPADDR=192.168.1.256')), good: pair() },
  { rule: 'invalid-address', severity: 'error', key: 'DNS1', bad: pair(replace(BR0, 'DNS1=192.168.1.1', 'DNS1=dns.example')), good: pair(replace(BR0, 'DNS1=192.168.1.1', 'DNS1=2001:db8::1')) },
  { rule: 'bad-netmask', severity: 'error', key: 'NETMASK', bad: pair(replace(BR0, 'PREFIX=24', 'NETMASK=255.0.255.0')), good: pair(replace(BR0, 'PREFIX=24', 'NETMASK=255.255.255.0')) },
  { rule: 'bad-prefix', severity: 'error', key: 'PREFIX', bad: pair(replace(BR0, 'PREFIX=24', 'PREFIX=33')), good: pair(replace(BR0, 'PREFIX=24', 'PREFIX=32').replace('GATEWAY=192.168.1.1\n', '')) },
  { rule: 'missing-prefix', severity: 'warning', key: 'IPADDR', bad: pair(replace(BR0, 'PREFIX=24\n', '')), good: pair() },
  { rule: 'gateway-outside-subnet', severity: 'error', key: 'GATEWAY', bad: pair(replace(BR0, 'GATEWAY=192.168.1.1', 'GATEWAY=192.168.2.1')), good: pair(replace(BR0, 'PREFIX=24', 'PREFIX=16').replace('GATEWAY=192.168.1.1', 'GATEWAY=192.168.2.1')) },
  { rule: 'invalid-mac', severity: 'error', key: 'HWADDR', bad: pair(BR0, replace(ETH0, 'HWADDR=52:54:00:12:34:56', 'HWADDR=52:54:00:12:34')), good: pair(BR0, replace(ETH0, 'HWADDR=52:54:00:12:34:56', 'HWADDR=52-54-00-12-34-AB')) },
  { rule: 'invalid-uuid', severity: 'error', key: 'UUID', bad: pair(BR0 + 'UUID=1234\n'), good: pair(BR0 + 'UUID=0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b\n') },
  { rule: 'invalid-uuid', severity: 'error', key: 'UUID', bad: pair(BR0 + 'UUID=0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b\n', ETH0 + 'UUID=0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b\n'), good: pair(BR0 + 'UUID=0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b\n', ETH0 + 'UUID=1b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b\n') },
  { rule: 'stp-value', severity: 'error', key: 'STP', bad: pair(replace(BR0, 'STP=no', 'STP=YES')), good: pair(replace(BR0, 'STP=no', 'STP=off')) },
  { rule: 'stp-value', severity: 'error', key: 'STP', bad: pair(replace(BR0, 'STP=no', 'STP=1')), good: pair(replace(BR0, 'STP=no', 'STP=yes\nDELAY=2')) },
  { rule: 'stp-value', severity: 'warning', key: 'STP', bad: pair(replace(BR0, 'STP=no', 'STP=OFF')), good: pair(replace(BR0, 'STP=no', 'STP=no\nDELAY=0')) },
  { rule: 'stp-delay-range', severity: 'error', key: 'DELAY', bad: pair(replace(BR0, 'STP=no', 'STP=on\nDELAY=0')), good: pair(replace(BR0, 'STP=no', 'STP=off\nDELAY=0')) },
  { rule: 'stp-default-delay', severity: 'warning', key: 'STP', bad: pair(replace(BR0, 'STP=no', 'STP=yes')), good: pair(replace(BR0, 'STP=no', 'STP=yes\nDELAY=4')) },
  { rule: 'bridging-opts', severity: 'error', key: 'BRIDGING_OPTS', bad: pair(BR0 + 'BRIDGING_OPTS="priorty=100"\n'), good: pair(BR0 + 'BRIDGING_OPTS="priority=100"\n') },
  { rule: 'bridging-opts', severity: 'warning', key: 'BRIDGING_OPTS', bad: pair(BR0 + 'BRIDGING_OPTS="hello_time=200"\n'), good: pair(BR0 + 'BRIDGING_OPTS="priority=32768 multicast_snooping=0"\n') },
  { rule: 'mtu-mismatch', severity: 'warning', key: 'MTU', bad: pair(BR0 + 'MTU=1500\n', ETH0 + 'MTU=9000\n'), good: pair(BR0 + 'MTU=9000\n', ETH0 + 'MTU=9000\n') },
];
