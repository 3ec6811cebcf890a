import { useCallback, useState } from 'react';

/** The page's address with `hash` in place of its hash. */
export function addressWithHash(location: { origin: string; pathname: string; search: string }, hash: string): string {
  const bare = hash.replace(/^#/, '');
  return `${location.origin}${location.pathname}${location.search}${bare ? `#${bare}` : ''}`;
}

/**
 * A lab's share link: publish(hash) puts the hash in the address bar (a reload keeps the state),
 * shows the link (shareUrl) and copies it; it resolves to whether the clipboard took it (without
 * permission the link is there to copy by hand).
 */
export function useShareLink(): { shareUrl: string; copied: boolean; publish: (hash: string) => Promise<boolean> } {
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
  return { shareUrl, copied, publish };
}
