import { describe, expect, test } from 'vitest';
import { normaliseTerminalText, TerminalTranscript, transcriptShows, withoutShellInput } from '../../../lib/lab-checks/index.ts';
import { uts, chroot, containerLabSteps, measureContainerMemory } from '../../../lib/containers/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('terminal transcript', () => {
  test('escape sequences (colour, cursor, OSC with BEL or ST) are removed', () => {
    expect(normaliseTerminalText('\u001b[1;32mgreen\u001b[0m \u001b[2K\u001b[Dx\u001b]6973;E0\u0007y\u001b]0;title\u001b\\z')).toBe('green xyz');
  });

  test('CRLF becomes LF; a lone CR starts its line over; a backspace removes the character before it', () => {
    expect(normaliseTerminalText('one\r\ntwo\r\r\nabc\rxy\nab\bc')).toBe('one\ntwo\nxy\nac');
  });

  test('the bound keeps the tail of the output', () => {
    const transcript = new TerminalTranscript(16);
    transcript.append('0123456789');
    transcript.append(bytes('abcdefghij'));
    expect(transcript.text()).toBe('456789abcdefghij');
    transcript.clear();
    expect(transcript.text()).toBe('');
  });

  test('a match across chunk boundaries: a split escape sequence, CRLF and UTF-8 character read whole', () => {
    const transcript = new TerminalTranscript();
    const output = 'root@lab:~# echo\r\n\u001b[1minside:  hostname is container1\u001b[0m\r\noutside: hostname is lab — 完\r\n';
    const encoded = bytes(output);
    for (let at = 0; at < encoded.length; at += 3) transcript.append(encoded.slice(at, at + 3));
    expect(transcript.text()).toBe('root@lab:~# echo\ninside:  hostname is container1\noutside: hostname is lab — 完\n');
    expect(transcriptShows(transcript.text(), uts.expect)).toBe(true);
  });

  test('typed by hand: the command lines between outputs are not counted, and a command’s own echo does not pass', () => {
    const typed = [
      'root@lab:~# unshare --uts sh -c \'hostname container1; echo "inside:  hostname is $(hostname)"\'',
      'inside:  hostname is container1',
      'root@lab:~# echo "outside: hostname is $(hostname)"',
      'outside: hostname is lab',
      'root@lab:~# ',
    ].join('\n');
    expect(withoutShellInput(typed)).toBe('inside:  hostname is container1\noutside: hostname is lab\n');
    expect(transcriptShows(typed, uts.expect)).toBe(true);
    expect(transcriptShows('root@lab:~# echo "inside:  hostname is container1"\n', uts.expect)).toBe(false);
    expect(transcriptShows('inside:  hostname is container1\n', uts.expect)).toBe(false);
  });

  test('continuation lines (PS2) are input too; `$` anchors work at the transcript’s line ends', () => {
    const typed = [
      'root@lab:~# echo "host:   $(grep PRETTY_NAME /etc/os-release), kernel $(uname -r)"',
      'host:   PRETTY_NAME="Lab VM (i686)", kernel 6.6.1-686',
      "root@lab:~# chroot /srv/otherroot /bin/sh -c 'echo \"chroot: $(grep PRETTY_NAME /etc/os-release),",
      '> kernel $(uname -r)"\'',
      'chroot: PRETTY_NAME="Other Linux", kernel 6.6.1-686',
      'root@lab:~# ',
    ].join('\r\n');
    expect(transcriptShows(normaliseTerminalText(typed), chroot.expect)).toBe(true);
  });

  test('every observation step’s pattern compiles with the m flag', () => {
    for (const step of [...containerLabSteps, measureContainerMemory].filter((step) => !step.check)) {
      expect(() => transcriptShows('', step.expect), step.id).not.toThrow();
    }
  });
});
