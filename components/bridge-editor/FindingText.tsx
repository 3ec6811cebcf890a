import { Fragment, type ReactNode } from 'react';

/**
 * A finding's sentence with its code and quoted program output marked up: `ip link` becomes
 * <code>, and a verbatim English message quoted in a Chinese sentence (“Device br0 does not seem
 * to be present…”) keeps its quotes and gets lang="en", so screen readers read it as English.
 */
export function FindingText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/“([\x20-\x7E]*[A-Za-z][\x20-\x7E]*)”|`([^`\n]+)`/g)) {
    if (m.index > last) parts.push(<Fragment key={parts.length}>{text.slice(last, m.index)}</Fragment>);
    if (m[1] !== undefined) parts.push(<Fragment key={parts.length}>“<span lang="en">{m[1]}</span>”</Fragment>);
    else parts.push(<code key={parts.length}>{m[2]}</code>);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(<Fragment key={parts.length}>{text.slice(last)}</Fragment>);
  return <>{parts}</>;
}
