import { describe, expect, it } from 'vitest';
import { applyLink, savesValue } from '../../../components/book/usePersistentState.ts';
import { addressWithoutLink, followAddressLinks, linkInHash, type AddressEvents, type LinkOpening } from '../../../components/book/useShareLink.ts';

/** A page whose hash a test sets, firing hashchange as a link on the page would. */
function fakePage(hash: string): AddressEvents & { follow(next: string): void; listeners: Set<() => void> } {
  const listeners = new Set<() => void>();
  const location = { hash };
  return {
    location,
    listeners,
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    follow(next) {
      location.hash = next;
      for (const listener of listeners) listener();
    },
  };
}

const readNumber = (hash: string) => (hash.startsWith('#n=') ? Number(hash.slice(3)) : undefined);

describe('useAddressLink (followAddressLinks): the links in the address, for a lab', () => {
  it('tells the lab what the hash held at load, then opens it', () => {
    const page = fakePage('#n=7');
    const calls: string[] = [];
    followAddressLinks(page, readNumber, (n, when) => calls.push(`open ${n} ${when}`), (n) => calls.push(`loaded ${n}`));
    expect(calls).toEqual(['loaded 7', 'open 7 load']);
  });

  it('with no link at load, tells the lab so (to fall back to what it saved) and opens nothing', () => {
    const calls: string[] = [];
    followAddressLinks(fakePage('#a-heading'), readNumber, (n) => calls.push(`open ${n}`), (n) => calls.push(`loaded ${n}`));
    expect(calls).toEqual(['loaded undefined']);
  });

  it('opens a later link on the same page, ignores a hash that is not the lab’s or that breaks the reader, and stops on unmount', () => {
    const page = fakePage('');
    const opened: [number, LinkOpening][] = [];
    const stop = followAddressLinks(page, (hash) => {
      if (hash === '#n=boom') throw new Error('damaged');
      return readNumber(hash);
    }, (n, when) => opened.push([n, when]));
    page.follow('#n=3');
    page.follow('#somewhere-else');
    page.follow('#n=boom');
    page.follow('#n=4');
    expect(opened).toEqual([[3, 'followed'], [4, 'followed']]);
    stop();
    expect(page.listeners.size).toBe(0);
  });

  it('a reader that throws finds no link', () => {
    expect(linkInHash('#x', () => { throw new Error('damaged'); })).toBeUndefined();
    expect(linkInHash('#n=2', readNumber)).toBe(2);
  });
});

describe('useShareLink().leaveAddress (addressWithoutLink)', () => {
  const at = (hash: string) => ({ origin: 'https://book.example', pathname: '/pcode/', search: '?x=1', hash });
  it('takes the lab’s link off the address, keeping the page and its query', () => {
    expect(addressWithoutLink(at('#n=5'), readNumber)).toBe('https://book.example/pcode/?x=1');
  });
  it('leaves an address whose hash is not the lab’s link (a heading’s anchor) alone', () => {
    expect(addressWithoutLink(at('#a-heading'), readNumber)).toBeUndefined();
    expect(addressWithoutLink(at(''), readNumber)).toBeUndefined();
  });
});

describe('usePersistentState options', () => {
  const link = { n: 1 };

  it('saveLinked: false keeps a linked value unsaved until the reader changes it', () => {
    const state = { loaded: true, linked: link };
    expect(savesValue(link, state, { saveLinked: false })).toBe(false);
    expect(savesValue({ n: 2 }, state, { saveLinked: false })).toBe(true);
    // Unchanged from before: a linked value is saved by default, and nothing before the load.
    expect(savesValue(link, state, {})).toBe(true);
    expect(savesValue({ n: 2 }, { loaded: false, linked: undefined }, {})).toBe(false);
  });

  it('savable: only the values it accepts are saved', () => {
    const state = { loaded: true, linked: undefined };
    const savable = (value: { n: number }) => Number.isFinite(value.n);
    expect(savesValue({ n: Number.NaN }, state, { savable })).toBe(false);
    expect(savesValue({ n: 3 }, state, { savable })).toBe(true);
  });

  it('onLink hears of each link applied, and the link’s value is remembered as the link’s', () => {
    const heard: unknown[] = [];
    const shown: unknown[] = [];
    const linked = { current: undefined as { n: number } | undefined };
    applyLink(link, { linked, setValue: (value) => shown.push(value) }, { onLink: (value) => heard.push(value) });
    expect(heard).toEqual([link]);
    expect(shown).toEqual([link]);
    expect(linked.current).toBe(link);
  });
});
