/**
 * The one-line summary of a command that `LabVM.run` types after `lab_run FILE` as a shell
 * comment, so a terminal watching ttyS0 shows which command ran, not just the share file:
 *
 *   root@lab:~# lab_run '/mnt/host/.lab/run-3.sh' # uname -a
 *
 * The first non-empty line, control characters replaced by spaces (a Tab would trigger the
 * shell's completion), cut to `maxLength` characters; "..." marks a cut or further lines. A
 * backslash never ends the summary (it could join the next line to the comment).
 */
export function commandSummary(command: string, maxLength = 60): string {
  const lines = command.split(/\r?\n/).map((line) => line.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim());
  const first = lines.findIndex((line) => line !== '');
  if (first === -1) return '';
  const characters = Array.from(lines[first]);
  const more = lines.slice(first + 1).some((line) => line !== '');
  if (characters.length > maxLength) return characters.slice(0, maxLength).join('').trimEnd() + ' ...';
  return more ? characters.join('') + ' ...' : characters.join('').replace(/\\+$/, '').trimEnd();
}
