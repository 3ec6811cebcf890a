// Rules for BRIDGING_OPTS: options neither tool knows, and options given in the wrong unit.

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
        code: 'bridging-option-unknown', params: { option: name, onBridge, sysfs },
      });
    } else if (TIME_OPTIONS.has(name) && onBridge) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        code: 'bridging-option-time', params: { option: name, value: value ?? '', networkManagerKnows: nm.has(name) },
      });
    } else if (!nm.has(name)) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        code: 'bridging-option-initscripts-only', params: { option: name, value: value ?? '', sysfs },
      });
    }
  }
}

