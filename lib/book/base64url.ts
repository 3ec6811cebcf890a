/**
 * The one share-link coding of the book: text as UTF-8, then base64url without padding (RFC 4648 §5),
 * so a link carries any program, file or setup, Chinese included, and survives being pasted.
 * Decoding never trusts its input: a character outside the alphabet, or bytes that are not UTF-8,
 * give undefined.
 */

/** The base64url (no padding) of some bytes. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes a base64url text (padding optional) stands for, or undefined if it is not base64url. */
export function base64UrlToBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Text as the base64url of its UTF-8 bytes. */
export function encodeBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}

/** The text whose UTF-8 bytes a base64url text stands for, or undefined if it is not base64url of UTF-8. */
export function decodeBase64Url(text: string): string | undefined {
  const bytes = base64UrlToBytes(text);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
