/**
 * Where focus goes when a key is pressed on item `index` of a list of `count` items:
 * the arrow keys move by one (stopping at the ends), Home and End jump to the ends.
 * Returns undefined for keys that do not move focus, so the caller can leave them alone.
 */
export function nextIndexForKey(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  const from = Math.min(Math.max(index, 0), last);
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(from + 1, last);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
