// Rules about the file as text: line endings, quoting, shell syntax, keys set twice.

import { localizedText, messageText } from '../../book/localized-text.ts';
import { bashValueOf, type IfcfgFile } from '../parse-ifcfg-file.ts';
import { bashDiagnosticWordings, bashPrints } from '../bash-diagnostic-wordings.ts';
import { shvarErrorWordings } from '../shvar-error-wordings.ts';
import { finding, type Context, type Finding } from './finding.ts';

/** Windows line endings, reported once per file (the other rules read the file without them). */
export function crlfFinding(file: IfcfgFile): Finding {
  const line = file.crlfLines[0]!;
  const count = file.crlfLines.length;
  const typeLine = file.text.split('\n').findIndex((l) => /^\s*TYPE=/.test(l)) + 1;
  return finding(file.path, { line, column: 1 }, {
    key: '', severity: 'error', rule: 'crlf',
    message: localizedText(
      `${count} line(s) end in CRLF (Windows line endings); convert the file with dos2unix`,
      `有 ${count} 行以 CRLF（Windows 换行符）结尾；请用 dos2unix 转换这个文件`,
    ),
    initscripts: localizedText(
      `bash keeps the "\\r" in every value${typeLine ? ' (TYPE=Bridge becomes "Bridge\\r", so no bridge is created)' : ''}, and a blank line runs the command $'\\r' ("command not found")`,
      `bash 会把“\\r”留在每个值里${typeLine ? '（TYPE=Bridge 变成“Bridge\\r”，于是网桥不会被创建）' : ''}，空行则会被当作命令 $'\\r' 来运行（“command not found”）`,
    ),
    networkManager: localizedText('reads the file fine ("\\r" counts as whitespace)', '能正常读取这个文件（“\\r”算作空白）'),
  });
}

export function checkSyntax(ctx: Context): void {
  const { file } = ctx;
  // Values NetworkManager reads as "" because of an unquoted space; bash runs the rest as a command.
  for (const a of file.nm.assignments) {
    if (a.value !== null) continue;
    const bashCommand = file.bash.diagnostics.find((d) => d.kind === 'command-not-found' && d.line === a.line);
    if (a.problem?.code === 'textAfterSpace' && bashCommand) {
      const shown = a.raw.replace(/\s+#.*$/, '').trim();
      ctx.reportedLines.add(a.line);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'unquoted-space',
        message: localizedText(
          `${a.key}=${shown}: the value has a space but no quotes; write ${a.key}="${shown}"`,
          `${a.key}=${shown}：值里有空格却没加引号；请写成 ${a.key}="${shown}"`,
        ),
        initscripts: localizedText(
          `bash sets ${a.key} only for the command "${bashCommand.word}" and runs it: "${bashPrints(bashCommand)}"; ${a.key} stays unset`,
          `bash 只为命令“${bashCommand.word}”设置 ${a.key}，并运行这条命令：“${bashPrints(bashCommand)}”；${a.key} 仍然没有设置`,
        ),
        networkManager: localizedText(
          `the value is "badly quoted" and treated as empty, so ${a.key} is unset`,
          `这个值“引号有误”（badly quoted），被当作空值，所以 ${a.key} 没有设置`,
        ),
      });
      continue;
    }
    if (a.problem?.code === 'expansionInDoubleQuotes') {
      ctx.reportedLines.add(a.line);
      const bashSees = file.bash.assignments.find((b) => b.line === a.line && b.key === a.key);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-expansion',
        message: localizedText(
          `${a.key}=${a.raw.trim()}: "$" or a backtick inside double quotes; write the value out literally (use single quotes if it really contains "$")`,
          `${a.key}=${a.raw.trim()}：双引号里有“$”或反引号；请把值原样写出来（如果值里确实有“$”，就用单引号）`,
        ),
        initscripts: localizedText(
          `bash expands it${bashSees ? ` (${a.key} becomes "${bashSees.value}")` : ''}`,
          `bash 会展开它${bashSees ? `（${a.key} 变成“${bashSees.value}”）` : ''}`,
        ),
        networkManager: localizedText(
          `does not expand variables: the value is badly quoted and ${a.key} counts as unset`,
          `不展开变量：这个值算作引号有误，${a.key} 视为没有设置`,
        ),
      });
      continue;
    }
  }
  // Unquoted $VAR or `cmd`: NetworkManager keeps it literally, bash expands it.
  for (const b of file.bash.assignments) {
    if (b.expansions.length === 0 || ctx.reportedLines.has(b.line)) continue;
    const nm = file.nm.assignments.find((a) => a.line === b.line && a.key === b.key);
    if (nm && nm.value === null) continue;
    ctx.reportedLines.add(b.line);
    const runsCommand = b.expansions.some((e) => e.startsWith('$(') || e.startsWith('`'));
    ctx.add({
      key: b.key, line: b.line, column: b.valueColumn, severity: 'error', rule: 'shell-expansion',
      message: localizedText(
        `${b.key}=${b.raw}: ${b.expansions.join(', ')} is a shell expansion; write the value out literally`,
        `${b.key}=${b.raw}：${b.expansions.join('、')} 是 shell 展开；请把值原样写出来`,
      ),
      initscripts: localizedText(
        `bash expands it: ${b.key}="${b.value}"${runsCommand ? ' (and runs the command each time the file is read)' : ''}`,
        `bash 会展开它：${b.key}="${b.value}"${runsCommand ? '（而且每次读取这个文件都会运行那条命令）' : ''}`,
      ),
      networkManager: nm
        ? localizedText(`does not expand it: ${b.key} is the literal text "${nm.value}"`, `不展开它：${b.key} 就是字面文字“${nm.value}”`)
        : localizedText('ignores the line', '忽略这一行'),
    });
  }
  // Anything else bash complains about.
  for (const d of file.bash.diagnostics) {
    if (ctx.reportedLines.has(d.line)) continue;
    if (d.kind === 'command-not-found' && d.word === '\r') continue;
    ctx.reportedLines.add(d.line);
    const nmInvalid = file.nm.invalidLines.find((l) => l.line === d.line);
    const nmBad = file.nm.assignments.find((a) => a.line === d.line && a.value === null);
    const lineText = file.text.split('\n')[d.line - 1] ?? '';
    const printed = bashPrints(d);
    const said = messageText(bashDiagnosticWordings, d)['zh-CN'];
    const nmWhy = nmBad?.problem ? messageText(shvarErrorWordings, nmBad.problem) : null;
    const networkManager = nmInvalid
      ? localizedText('ignores the line ("invalid line ignored")', '忽略这一行（“invalid line ignored”）')
      : nmBad
        ? localizedText(
            `the value is badly quoted (${nmWhy?.en}); ${nmBad.key} counts as unset`,
            `这个值引号有误（${nmWhy?.['zh-CN']}）；${nmBad.key} 视为没有设置`,
          )
        : localizedText('reads the line', '正常读取这一行');
    if (d.kind === 'executes') {
      const command = d.code === 'executes' ? d.params.command : '';
      const assigned = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(lineText)?.[1] ?? '';
      ctx.add({
        key: assigned, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
        message: localizedText(
          `${assigned ? assigned + ': ' : ''}this line runs a command, it is not a plain assignment: ${command}`,
          `${assigned ? assigned + '：' : ''}这一行会运行命令，不是普通赋值：${command}`,
        ),
        initscripts: localizedText(`${printed} (ifup sources the file as root)`, `${said}（ifup 以 root 身份 source 这个文件）`),
        networkManager,
      });
      continue;
    }
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(lineText)?.[1] ?? '';
    const stops = d.kind === 'unterminated-quote' || d.kind === 'syntax-error';
    ctx.add({
      key, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
      message: localizedText(
        `${key ? key + ': ' : ''}bash cannot source this line as a plain assignment: ${printed}`,
        `${key ? key + '：' : ''}bash 不能把这一行当作普通赋值来执行：${said}`,
      ),
      initscripts: stops
        ? localizedText(
            `bash prints "${printed}" and stops: nothing after line ${d.line} is applied`,
            `bash 输出“${printed}”后停止读取：第 ${d.line} 行之后的内容都不会生效`,
          )
        : localizedText(
            `bash prints "${printed}"${d.kind === 'command-not-found' ? '; the variable is not set' : ''}`,
            `bash 输出“${printed}”${d.kind === 'command-not-found' ? '；这个变量没有设置' : ''}`,
          ),
      networkManager,
    });
  }
  // Lines NetworkManager skips that bash still runs (export KEY=..., KEY = value).
  for (const l of file.nm.invalidLines) {
    if (ctx.reportedLines.has(l.line)) continue;
    ctx.reportedLines.add(l.line);
    const exported = /^\s*(export|declare|readonly|typeset)\s+([A-Za-z_][A-Za-z0-9_]*)=/.exec(l.text);
    ctx.add({
      key: exported?.[2] ?? '', line: l.line, column: 1, severity: 'error', rule: 'shell-syntax',
      message: exported
        ? localizedText(
            `${exported[2]}: "${exported[1]} ${exported[2]}=…" is bash syntax; write ${exported[2]}=… on its own`,
            `${exported[2]}：“${exported[1]} ${exported[2]}=…”是 bash 语法；请单独写 ${exported[2]}=…`,
          )
        : localizedText(`the line "${l.text.trim()}" is not KEY=value`, `“${l.text.trim()}”这一行不是 KEY=value 的形式`),
      initscripts: exported ? localizedText(`bash sets ${exported[2]}`, `bash 会设置 ${exported[2]}`) : localizedText('bash runs it as a command', 'bash 把它当作命令来运行'),
      networkManager: localizedText(
        `ignores the line ("invalid line ignored")${exported ? `, so ${exported[2]} is unset` : ''}`,
        `忽略这一行（“invalid line ignored”）${exported ? `，所以 ${exported[2]} 没有设置` : ''}`,
      ),
    });
  }
  // Other values NetworkManager cannot read.
  for (const a of file.nm.assignments) {
    if (a.value !== null || a.problem === null || ctx.reportedLines.has(a.line)) continue;
    ctx.reportedLines.add(a.line);
    const bashSees = bashValueOf(file, a.key);
    const why = messageText(shvarErrorWordings, a.problem);
    ctx.add({
      key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-syntax',
      message: localizedText(
        `${a.key}=${a.raw}: NetworkManager cannot read this value (${why.en})`,
        `${a.key}=${a.raw}：NetworkManager 读不了这个值（${why["zh-CN"]}）`,
      ),
      initscripts: bashSees !== undefined
        ? localizedText(`bash sets ${a.key}="${bashSees}"`, `bash 设置 ${a.key}="${bashSees}"`)
        : localizedText(`bash does not set ${a.key}`, `bash 不会设置 ${a.key}`),
      networkManager: localizedText(
        `the value is badly quoted and treated as empty, so ${a.key} is unset`,
        `这个值引号有误，被当作空值，所以 ${a.key} 没有设置`,
      ),
    });
  }
  // Duplicates: both tools use the last one (NetworkManager before 1.6, in RHEL 7.0-7.3, used the first).
  const seen = new Map<string, number>();
  for (const a of file.nm.assignments) {
    const first = seen.get(a.key);
    if (first !== undefined && !ctx.reportedLines.has(a.line)) {
      const firstValue = file.nm.assignments.find((x) => x.line === first)?.value;
      const firstDiffers = firstValue !== undefined && firstValue !== a.value;
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'duplicate-key',
        message: localizedText(
          `${a.key} is set twice (lines ${first} and ${a.line}); keep one`,
          `${a.key} 设置了两次（第 ${first} 行和第 ${a.line} 行）；只保留一个`,
        ),
        initscripts: localizedText(`the last one wins (${a.key}="${a.value ?? ''}")`, `以最后一个为准（${a.key}="${a.value ?? ''}"）`),
        networkManager: localizedText(
          `the last one wins in NetworkManager 1.6+ (RHEL 7.4+); older versions used the first${firstDiffers ? ` ("${firstValue ?? ''}")` : ''}`,
          `NetworkManager 1.6 及以后（RHEL 7.4 及以后）以最后一个为准；更老的版本用第一个${firstDiffers ? `（“${firstValue ?? ''}”）` : ''}`,
        ),
      });
    } else if (first === undefined) seen.set(a.key, a.line);
  }
}

