import { describe, expect, test } from 'vitest';
import { measureWalk, nestedWalkReferences, nestedWalkReferencesWith, shadowWalkReferences } from '../../../lib/paging/index.ts';

describe('one TLB-miss walk', () => {
  const depths = [1, 2, 3, 4, 5];
  for (const g of depths) {
    for (const h of depths) {
      test(`${g}-level guest on ${h}-level host: nested (G+1)(H+1)-1, shadow G, native G`, () => {
        const nested = measureWalk('nested', g, h);
        expect(nested.length).toBe(nestedWalkReferences(g, h));
        expect(nested.length).toBe((g + 1) * (h + 1) - 1);
        expect(nested.filter((r) => r.table === 'guest').length).toBe(g);
        expect(nested.filter((r) => r.table === 'host').length).toBe((g + 1) * h);
        expect(measureWalk('shadow', g, h).length).toBe(shadowWalkReferences(g));
        expect(measureWalk('native', g, h).length).toBe(g);
      });
    }
  }

  test('4-level on 4-level is the 24 references of Bhargava et al.; the lab VM (2-level guest) on 4-level EPT is 14', () => {
    expect(measureWalk('nested', 4, 4)).toHaveLength(24);
    expect(measureWalk('nested', 2, 4)).toHaveLength(14);
  });

  test('the nested walk goes level by level: a host walk, then the guest entry it located', () => {
    const walk = measureWalk('nested', 2, 2);
    expect(walk.map((r) => (r.table === 'host' ? `h${r.hostLevel}/g${r.guestLevel}` : `g${r.guestLevel}`))).toEqual([
      'h2/g2', 'h1/g2', 'g2', 'h2/g1', 'h1/g1', 'g1', 'h2/g0', 'h1/g0',
    ]);
  });
});

describe('one TLB-miss walk with large pages', () => {
  for (const g of [2, 3, 4, 5]) {
    for (const h of [2, 3, 4, 5]) {
      test(`${g}-level guest on ${h}-level host: a large page ends its dimension one level early`, () => {
        for (const guestLargePage of [false, true]) {
          for (const hostLargePages of [false, true]) {
            const sizes = { guestLargePage, hostLargePages };
            const nested = measureWalk('nested', g, h, sizes);
            expect(nested.length, JSON.stringify(sizes)).toBe(nestedWalkReferencesWith(g, h, sizes));
            expect(nested.filter((r) => r.table === 'guest').length).toBe(guestLargePage ? g - 1 : g);
            // A large shadow entry needs a large guest page backed by a large host page.
            expect(measureWalk('shadow', g, h, sizes).length).toBe(guestLargePage && hostLargePages ? g - 1 : g);
          }
        }
      });
    }
  }

  test('4-level on 4-level: 24 references with 4 KiB pages, 19 with large pages on one side, 15 with both', () => {
    expect(nestedWalkReferencesWith(4, 4, {})).toBe(24);
    expect(nestedWalkReferencesWith(4, 4, { hostLargePages: true })).toBe(19);
    expect(nestedWalkReferencesWith(4, 4, { guestLargePage: true })).toBe(19);
    expect(nestedWalkReferencesWith(4, 4, { guestLargePage: true, hostLargePages: true })).toBe(15);
  });
});
