import { expect, test } from 'vitest';
import { DEFAULT_PAGING_LAB_SETUP, decodePagingLabHash, encodePagingLabHash } from '../../../lib/paging/index.ts';

test('a setup survives its link', () => {
  const setup = {
    guestLevels: 2, hostLevels: 5, guestLargePage: true, hostLargePages: false, workload: 'context-switches',
    costModel: { ...DEFAULT_PAGING_LAB_SETUP.costModel, vmExit: 300 },
  } as const;
  expect(decodePagingLabHash(encodePagingLabHash(setup))).toEqual(setup);
  expect(decodePagingLabHash('#paging=%7B%7D')).toEqual(DEFAULT_PAGING_LAB_SETUP);
});

test('a hash that is not a valid setup is no link at all', () => {
  for (const hash of [
    '', '#trap=x', '#paging=', '#paging=%7B', '#paging=[]', '#paging=null',
    `#paging=${encodeURIComponent('{"guestLevels":6}')}`,
    `#paging=${encodeURIComponent('{"hostLevels":1.5}')}`,
    `#paging=${encodeURIComponent('{"workload":"<img src=x>"}')}`,
    `#paging=${encodeURIComponent('{"guestLargePage":"yes"}')}`,
    `#paging=${encodeURIComponent('{"extra":1}')}`,
    `#paging=${encodeURIComponent('{"costModel":{"vmExit":-1}}')}`,
    `#paging=${encodeURIComponent('{"costModel":{"vmExit":2000000}}')}`,
    `#paging=${encodeURIComponent('{"costModel":{"tlbMiss":1}}')}`,
    `#paging=${encodeURIComponent('{"costModel":[]}')}`,
    `#paging=${'%20'.repeat(1000)}`,
  ]) {
    expect(decodePagingLabHash(hash), hash).toBeUndefined();
  }
});
