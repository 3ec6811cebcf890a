import { describe, expect, test } from 'vitest';
import { PagingRun, comparePagingModes, fasterVirtualizedMode } from '../../../lib/paging/index.ts';

describe('the workloads pick the winners the literature predicts', () => {
  test('context switches: shadow paging pays a CR3 exit per switch and refills its shadows; nested paging wins', () => {
    const r = comparePagingModes('context-switches');
    expect(fasterVirtualizedMode(r)).toBe('nested');
    expect(r.shadow.counters.exits['cr3-write']).toBe(8 * 40);
    // Eight address spaces, four cached shadow roots: every switch rebuilds, one hidden fault per page.
    expect(r.shadow.counters.exits['hidden-fault']).toBe(8 * 40 * 16);
    expect(r.nested.exits).toBe(0);
  });

  test('page-table updates: every guest table write exits under shadow paging; nested paging wins', () => {
    const r = comparePagingModes('page-table-updates');
    expect(fasterVirtualizedMode(r)).toBe('nested');
    expect(r.shadow.counters.exits['page-table-write']).toBeGreaterThan(39 * 64);
    expect(r.shadow.counters.exits['guest-fault']).toBe(39 * 64);
    expect(r.nested.exits).toBe(0);
    expect(r.native.counters.guestPageFaults).toBe(39 * 64);
  });

  test('TLB misses over a large working set: nested paging walks 24 references a miss; shadow paging wins', () => {
    const r = comparePagingModes('tlb-misses');
    expect(fasterVirtualizedMode(r)).toBe('shadow');
    expect(r.shadow.exits).toBe(0);
    const missRefs = (s: typeof r.nested) => s.counters.walkReferences / s.counters.tlbMisses;
    expect(missRefs(r.nested)).toBe(24);
    expect(missRefs(r.shadow)).toBe(4);
    expect(r.shadow.cycles).toBe(r.native.cycles);
  });

  test('large pages shorten the nested walk to 15 references and cut its overhead over native', () => {
    const small = comparePagingModes('tlb-misses');
    const large = comparePagingModes('tlb-misses-large-pages');
    expect(large.nested.counters.walkReferences / large.nested.counters.tlbMisses).toBe(15);
    expect(large.native.counters.walkReferences / large.native.counters.tlbMisses).toBe(3);
    expect(large.nested.counters.tlbMisses).toBeLessThan(small.nested.counters.tlbMisses);
    expect(large.nested.cycles).toBeLessThan(small.nested.cycles / 2);
  });

  test('without VPID/ASID tags every exit flushes the TLB, so shadow paging misses more', () => {
    const tagged = new PagingRun('page-table-updates', 'shadow').runToEnd();
    const untagged = new PagingRun('page-table-updates', 'shadow', { tlbTagged: false }).runToEnd();
    expect(untagged.counters.tlbMisses).toBeGreaterThan(tagged.counters.tlbMisses);
  });

  test('a page-walk cache and a nested TLB cut the references of a nested walk', () => {
    const plain = new PagingRun('tlb-misses', 'nested').runToEnd();
    const cached = new PagingRun('tlb-misses', 'nested', { pageWalkCacheEntries: 32, nestedTlbEntries: 64 }).runToEnd();
    expect(cached.counters.walkReferences).toBeLessThan(plain.counters.walkReferences);
    expect(cached.counters.pageWalkCacheHits + cached.counters.nestedTlbHits).toBeGreaterThan(0);
  });

  test('cycles follow the cost model the reader sets', () => {
    const cheapExits = new PagingRun('context-switches', 'shadow', {
      costModel: { tlbHit: 1, walkReference: 20, vmExit: 0, monitorWork: 0, guestFaultHandler: 500 },
    }).runToEnd();
    const dear = new PagingRun('context-switches', 'shadow').runToEnd();
    expect(dear.cycles - cheapExits.cycles).toBe(dear.exits * 1300);
  });
});
