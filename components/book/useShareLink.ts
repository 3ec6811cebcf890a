import { useCallback, useEffect, useRef, useState } from 'react';

/** The page's address with `hash` in place of its hash. */
export function addressWithHash(location: { origin: string; pathname: string; search: string }, hash: string): string {
  const bare = hash.replace(/^#/, '');
  return `${location.origin}${location.pathname}${location.search}${bare ? `#${bare}` : ''}`;
}

/** What a hash holds for a lab: `read(hash)`, or undefined when it holds nothing of the lab's (or reading it throws). */
export function linkInHash<L>(hash: string, read: (hash: string) => L | undefined): L | undefined {
  try {
    return read(hash);
  } catch {
    return undefined;
  }
}

/** When a lab opens a link: as the page loads, or later, when a link on the same page changed only the hash. */
export type LinkOpening = 'load' | 'followed';

/**
 * The share links in the address, for a lab: on mount, `onLoaded(link)` with what `read` finds in
 * the hash (undefined for none, so the lab can fall back to what it saved), then `open(link, 'load')`
 * if it found one; after that, `open(link, 'followed')` each time the hash changes to one it finds (a
 * link on the same page, an exercise's, changes only the hash). `read` returns undefined for a hash
 * that is not the lab's; what it returns otherwise (a value, or a damaged link to report) is the lab's.
 */
export function useAddressLink<L>(read: (hash: string) => L | undefined, open: (link: L, when: LinkOpening) => void, onLoaded?: (linked: L | undefined) => void): void {
  const latest = useRef({ read, open, onLoaded });
  latest.current = { read, open, onLoaded };
  useEffect(
    () =>
      followAddressLinks(
        window,
        (hash) => latest.current.read(hash),
        (link, when) => latest.current.open(link, when),
        (linked) => latest.current.onLoaded?.(linked),
      ),
    [],
  );
}

/** The part of `window` useAddressLink uses (a stand-in serves in tests). */
export interface AddressEvents {
  readonly location: { readonly hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** useAddressLink's work on `page`: what it does on mount; returns what undoes it on unmount. */
export function followAddressLinks<L>(
  page: AddressEvents,
  read: (hash: string) => L | undefined,
  open: (link: L, when: LinkOpening) => void,
  onLoaded?: (linked: L | undefined) => void,
): () => void {
  const atLoad = linkInHash(page.location.hash, read);
  onLoaded?.(atLoad);
  if (atLoad !== undefined) open(atLoad, 'load');
  const onHashChange = () => {
    const link = linkInHash(page.location.hash, read);
    if (link !== undefined) open(link, 'followed');
  };
  page.addEventListener('hashchange', onHashChange);
  return () => page.removeEventListener('hashchange', onHashChange);
}

/** The address to put in place of the page's when its hash holds a link `read` finds: the same without the hash; undefined otherwise. */
export function addressWithoutLink(location: { origin: string; pathname: string; search: string; hash: string }, read: (hash: string) => unknown): string | undefined {
  return linkInHash(location.hash, read) === undefined ? undefined : addressWithHash(location, '');
}

/**
 * A lab's share link: publish(hash) puts the hash in the address bar (a reload keeps the state),
 * shows the link (shareUrl) and copies it; it resolves to whether the clipboard took it (without
 * permission the link is there to copy by hand). withdraw() stops showing a link (one that could not
 * be made); leaveAddress(read) takes the hash off the address bar when `read` finds the lab's link in
 * it, so a reload keeps what the lab shows now rather than the link's state.
 */
export function useShareLink(): {
  shareUrl: string;
  copied: boolean;
  publish: (hash: string) => Promise<boolean>;
  withdraw: () => void;
  leaveAddress: (read: (hash: string) => unknown) => void;
} {
  const [shareUrl, setShareUrl] = useState('');
  const [copied, setCopied] = useState(false);
  const publish = useCallback(async (hash: string) => {
    const url = addressWithHash(window.location, hash);
    window.history.replaceState(null, '', url);
    setShareUrl(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      return true;
    } catch {
      setCopied(false);
      return false;
    }
  }, []);
  const withdraw = useCallback(() => {
    setShareUrl('');
    setCopied(false);
  }, []);
  const leaveAddress = useCallback((read: (hash: string) => unknown) => {
    const bare = addressWithoutLink(window.location, read);
    if (bare !== undefined) window.history.replaceState(null, '', bare);
  }, []);
  return { shareUrl, copied, publish, withdraw, leaveAddress };
}
