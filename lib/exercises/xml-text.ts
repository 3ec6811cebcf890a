/** Text and attribute values for XML: the five characters XML reserves, escaped; characters XML 1.0 forbids, dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A problem's prompt and figure as HTML for an LMS question text (the figure in <pre>, every character escaped). */
export function problemHtml(prompt: string, figure: string | undefined, choices?: readonly { key: string; label: string }[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const parts = [`<p>${escape(prompt).replace(/\n/g, '<br>')}</p>`];
  if (figure) parts.push(`<pre>${escape(figure)}</pre>`);
  if (choices) parts.push(`<ul>${choices.map((c) => `<li><b>${escape(c.key)}</b>: ${escape(c.label)}</li>`).join('')}</ul>`);
  return parts.join('');
}
