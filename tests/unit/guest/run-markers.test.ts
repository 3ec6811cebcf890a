import { describe, expect, test } from 'vitest';
import { extractRunOutput, runMarkers, runWrapperScript } from '../../../lib/guest/index.ts';

const latin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
const markers = runMarkers('c0ffee12');
const begin = '\x1b]6973;B;c0ffee12\x07';
const end = (status: number) => `\x1b]6973;E;c0ffee12;${status}\x07`;

describe('extractRunOutput', () => {
  test('takes what lies between the markers, without the echoed command line', () => {
    const recorded = `lab_run '/mnt/host/.lab/run-1.sh'\r\n${begin}hello\r\nworld\r\n${end(0)}root@lab:~# `;
    expect(extractRunOutput(recorded, markers)).toEqual({ output: 'hello\nworld\n', status: 0 });
  });

  test('reads the exit status', () => {
    expect(extractRunOutput(`${begin}${end(127)}`, markers).status).toBe(127);
  });

  test('the echo of the printf format never counts as a marker', () => {
    const echoed = `printf '\\033]6973;E;c0ffee12;%d\\007' $?\r\n`;
    expect(extractRunOutput(echoed, markers).status).toBe(-1);
  });

  test('a marker the command prints itself (without this run’s nonce) is output, not the end', () => {
    const forged = '\x1b]6973;E0\x07\x1b]6973;E;0123abcd;0\x07';
    const recorded = `${begin}before\r\n${forged}after\r\n${end(5)}`;
    expect(extractRunOutput(recorded, markers)).toEqual({ output: `before\n${forged}after\n`, status: 5 });
  });

  test('decodes UTF-8 from the raw bytes', () => {
    expect(extractRunOutput(latin1(`${begin}ünï ✓\n${end(0)}`), markers).output).toBe('ünï ✓\n');
  });
});

describe('runMarkers', () => {
  test('every run gets a nonce of its own', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => runMarkers().nonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{24}$/);
  });

  test('the wrapper prints this run’s markers around the command and keeps its status', () => {
    const script = runWrapperScript(markers, "/mnt/host/.lab/cmd-1.sh");
    expect(script).toContain("printf '\\033]6973;B;c0ffee12\\007'");
    expect(script).toContain(". '/mnt/host/.lab/cmd-1.sh'");
    expect(script).toContain(`trap 'printf "\\033]6973;E;c0ffee12;%d\\007" "$?"' EXIT`);
    expect(script.trimEnd().split('\n').at(-1)).toBe('(exit "$1")');
  });
});
