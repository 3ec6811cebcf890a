// Rules for BRIDGING_OPTS: options neither tool knows, and options given in the wrong unit.

import { localizedText } from '../../book/localized-text.ts';
import { valueOf } from '../build-bridge-model.ts';
import { type Context } from './finding.ts';

const NM_BRIDGE_OPTIONS = new Set(['priority', 'hello_time', 'max_age', 'ageing_time', 'multicast_snooping', 'vlan_filtering', 'default_pvid', 'group_fwd_mask']);
const NM_PORT_OPTIONS = new Set(['priority', 'path_cost', 'hairpin_mode']);
const KERNEL_BRIDGE_OPTIONS = new Set([...NM_BRIDGE_OPTIONS, 'forward_delay', 'stp_state', 'group_addr', 'hash_elasticity', 'hash_max', 'multicast_router', 'multicast_querier', 'multicast_query_use_ifaddr', 'multicast_last_member_count', 'multicast_last_member_interval', 'multicast_membership_interval', 'multicast_querier_interval', 'multicast_query_interval', 'multicast_query_response_interval', 'multicast_startup_query_count', 'multicast_startup_query_interval', 'nf_call_arptables', 'nf_call_ip6tables', 'nf_call_iptables', 'vlan_protocol', 'vlan_stats_enabled', 'multicast_stats_enabled', 'multicast_igmp_version', 'multicast_mld_version']);
const KERNEL_PORT_OPTIONS = new Set([...NM_PORT_OPTIONS, 'multicast_router', 'multicast_fast_leave', 'bpdu_guard', 'root_block', 'learning', 'unicast_flood', 'multicast_flood', 'broadcast_flood', 'proxyarp', 'proxyarp_wifi', 'group_fwd_mask', 'neigh_suppress', 'isolated']);
const TIME_OPTIONS = new Set(['hello_time', 'max_age', 'ageing_time', 'forward_delay']);

export function checkBridgingOpts(ctx: Context, onBridge: boolean): void {
  const { file } = ctx;
  const raw = valueOf(file, 'BRIDGING_OPTS');
  if (raw === undefined) return;
  for (const option of raw.split(/\s+/).filter(Boolean)) {
    const [name, value] = option.split('=');
    if (!name) continue;
    const kernel = onBridge ? KERNEL_BRIDGE_OPTIONS : KERNEL_PORT_OPTIONS;
    const nm = onBridge ? NM_BRIDGE_OPTIONS : NM_PORT_OPTIONS;
    const sysfs = onBridge ? `/sys/class/net/<bridge>/bridge/${name}` : `/sys/class/net/<port>/brport/${name}`;
    if (!kernel.has(name)) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'error', rule: 'bridging-opts',
        message: localizedText(
          `BRIDGING_OPTS option "${name}" is not a ${onBridge ? 'bridge' : 'bridge-port'} option`,
          `BRIDGING_OPTS 的选项“${name}”不是${onBridge ? '网桥' : '网桥端口'}的选项`,
        ),
        initscripts: localizedText(`bash: "${sysfs}: No such file or directory"`, `bash 报错：“${sysfs}: No such file or directory”`),
        networkManager: localizedText(`"unhandled bridge option '${name}'"`, `报“unhandled bridge option '${name}'”`),
      });
    } else if (TIME_OPTIONS.has(name) && onBridge) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        message: localizedText(
          `BRIDGING_OPTS ${name}=${value ?? ''}: the two tools read time options in different units; use DELAY for the forward delay and leave the others out`,
          `BRIDGING_OPTS ${name}=${value ?? ''}：两个工具读时间类选项的单位不同；转发延迟请用 DELAY，其他的不要写`,
        ),
        initscripts: localizedText('writes the number to sysfs, in hundredths of a second', '把这个数写进 sysfs，单位是百分之一秒'),
        networkManager: nm.has(name)
          ? localizedText('reads it in seconds', '按秒来读')
          : localizedText(`"unhandled bridge option '${name}'"`, `报“unhandled bridge option '${name}'”`),
      });
    } else if (!nm.has(name)) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        message: localizedText(
          `BRIDGING_OPTS option "${name}" is only applied by initscripts`,
          `BRIDGING_OPTS 的选项“${name}”只有 initscripts 会应用`,
        ),
        initscripts: localizedText(`writes ${value ?? ''} to ${sysfs}`, `把 ${value ?? ''} 写进 ${sysfs}`),
        networkManager: localizedText(`"unhandled bridge option '${name}'": ignored`, `报“unhandled bridge option '${name}'”：被忽略`),
      });
    }
  }
}

