// The Chinese edition of everything the ifcfg engine says: every message is produced from a real
// input (a rule's fixture, a broken line, a bad choice), then worded in zh-CN. A path that still
// returned raw English would fail here.

import { describe, expect, it } from 'vitest';
import {
  applyBridgeFilesInLabVM,
  applyNoteWordings,
  bashDiagnosticWordings,
  bashNotAppliedWordings,
  checkIfcfgFiles,
  choiceErrorWordings,
  describeIfcfgKey,
  formatFindingIn,
  generateBridgePair,
  generatedCommentWordings,
  IFCFG_KEYS,
  IFCFG_RULES,
  parseBash,
  parseShvar,
  shvarErrorWordings,
  unescapeShvarValue,
  validateBridgeChoices,
  wordFinding,
  wordIfcfgKey,
  type BridgeChoices,
  type LabVMLike,
} from '../../../lib/ifcfg/index.ts';
import { textIn, wordMessage } from '../../../lib/book/localized-text.ts';
import { BR0, CASES, pair, replace } from './rule-cases.ts';

const CJK = /[\u4e00-\u9fff]/;

/** A Chinese sentence: not empty, has Chinese characters, and is not the English one. */
function expectChinese(zh: string, en: string, what: string) {
  expect(zh.trim().length, what).toBeGreaterThan(0);
  expect(zh, what).toMatch(CJK);
  expect(zh, what).not.toBe(en);
}

describe('findings in Chinese', () => {
  for (const c of CASES) {
    it(`${c.rule}: message, initscripts and NetworkManager sentences are Chinese`, () => {
      const found = checkIfcfgFiles(c.bad).filter((f) => f.rule === c.rule);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        const zh = wordFinding(f, 'zh-CN');
        const en = wordFinding(f, 'en');
        expectChinese(zh.message, en.message, `${c.rule} message`);
        expectChinese(zh.initscripts, en.initscripts, `${c.rule} initscripts`);
        expectChinese(zh.networkManager, en.networkManager, `${c.rule} NetworkManager`);
        // The key and the values in it are code: they stay as written.
        if (f.key) expect(zh.message).toContain(f.key);
      }
    });
  }

  it('every finding of every fixture has a Chinese wording (not only the rule under test)', () => {
    for (const c of CASES) {
      for (const f of checkIfcfgFiles(c.bad)) {
        const zh = wordFinding(f, 'zh-CN');
        expectChinese(zh.message, wordFinding(f, 'en').message, `${f.rule} in the ${c.rule} fixture`);
        expect(zh.initscripts).toMatch(CJK);
        expect(zh.networkManager).toMatch(CJK);
      }
    }
  });

  it('TYPE=bridge reads as a Chinese sentence, with the program output kept verbatim', () => {
    const [f] = checkIfcfgFiles(pair(replace(BR0, 'TYPE=Bridge', 'TYPE=bridge')));
    expect(wordFinding(f!, 'zh-CN')).toEqual({
      message: 'TYPE=bridge：initscripts 要求一字不差的 TYPE=Bridge（B 大写，区分大小写）',
      initscripts: '不会创建网桥：br0 被当作普通设备（“Device br0 does not seem to be present, delaying initialization.”）',
      networkManager: '接受它（比较时不区分大小写）',
    });
    expect(formatFindingIn(f!, 'zh-CN')).toMatch(/^ifcfg-br0:3: error: \[type-case\] TYPE=bridge：initscripts 要求/);
  });

  it('a bash syntax error keeps its line and column and explains bash\'s words in Chinese', () => {
    const files = pair(replace(BR0, 'NAME=br0', 'NAME="br0'));
    const f = checkIfcfgFiles(files).find((x) => x.rule === 'shell-syntax')!;
    expect(f).toMatchObject({ line: 2, column: 6, key: 'NAME' });
    const zh = wordFinding(f, 'zh-CN');
    expect(zh.message).toBe('NAME：bash 不能把这一行当作普通赋值来执行：“unexpected EOF while looking for matching `"\'”（直到文件结束都没找到与之配对的“"”）');
    expect(zh.initscripts).toBe('bash 输出“unexpected EOF while looking for matching `"\'”后停止读取：第 2 行之后的内容都不会生效');
  });

  it('a value NetworkManager cannot read says why in Chinese', () => {
    const f = checkIfcfgFiles(pair(BR0 + 'ZONE=a|b\n')).find((x) => x.key === 'ZONE' && x.rule === 'shell-syntax')!;
    expect(wordFinding(f, 'zh-CN').networkManager).toContain('没加引号的“|”（shell 元字符）');
  });

  it('every rule of the legend has a Chinese summary', () => {
    for (const r of IFCFG_RULES) {
      expectChinese(textIn(r.summary, 'zh-CN'), textIn(r.summary, 'en'), r.id);
    }
  });
});

describe('parser messages in Chinese', () => {
  // One real line per message code; each must produce exactly that code.
  const bashLines: Record<keyof typeof bashDiagnosticWordings, string> = {
    commandNotFound: 'NAME=My Bridge\n',
    executes: 'eval touch /tmp/x\n',
    notAnIdentifier: 'export 1bad\n',
    unexpectedToken: 'A=1;;\n',
    arrayNotClosed: 'A=(1 2\n',
    subshellNotClosed: '(A=1',
    unmatchedQuote: 'A="open\n',
    redirection: 'A=1 > file\n',
    subshellParenthesis: '(A=1)\n',
    pipeline: 'A=1 | cat\n',
    background: 'A=1 &\n',
  };
  for (const [code, text] of Object.entries(bashLines)) {
    it(`bash: ${code} from ${JSON.stringify(text)}`, () => {
      const d = parseBash(text).diagnostics.find((x) => x.code === code);
      expect(d, JSON.stringify(parseBash(text).diagnostics)).toBeDefined();
      expectChinese(wordMessage(bashDiagnosticWordings, d!, 'zh-CN'), wordMessage(bashDiagnosticWordings, d!, 'en'), code);
      expect(d!.line).toBe(1);
      expect(d!.column).toBeGreaterThanOrEqual(1);
    });
  }

  it('every bash reason a variable is lost is produced and worded in Chinese', () => {
    const reasons = ['A=1 | cat\n', 'A=1 export B=2\n', 'A=1 ls\n']
      .flatMap((text) => parseBash(text).assignments)
      .flatMap((a) => (a.notAppliedReason ? [a] : []));
    expect(new Set(reasons.map((a) => a.notAppliedReason!.code))).toEqual(new Set(Object.keys(bashNotAppliedWordings)));
    for (const a of reasons) {
      expectChinese(wordMessage(bashNotAppliedWordings, a.notAppliedReason!, 'zh-CN'), wordMessage(bashNotAppliedWordings, a.notAppliedReason!, 'en'), a.notAppliedReason!.code);
    }
  });

  const shvarValues: Record<keyof typeof shvarErrorWordings, string> = {
    textAfterSemicolon: 'a; b',
    textAfterSpace: 'My Bridge',
    trailingBackslash: 'abc\\',
    unterminatedSingleQuote: "'open",
    unterminatedDoubleQuote: '"open',
    unterminatedAnsiCQuote: "$'open",
    expansionInDoubleQuotes: '"$HOME"',
    metacharacter: 'a|b',
  };
  for (const [code, value] of Object.entries(shvarValues)) {
    it(`NetworkManager: ${code} from ${JSON.stringify(value)}`, () => {
      const result = unescapeShvarValue(value);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(code);
      expectChinese(wordMessage(shvarErrorWordings, result, 'zh-CN'), wordMessage(shvarErrorWordings, result, 'en'), code);
      const [assignment] = parseShvar(`KEY=${value}\n`).assignments;
      expect(assignment!.problem).toEqual({ code: result.code, ...(result.params ? { params: result.params } : {}) });
    });
  }
});

describe('key help in Chinese', () => {
  it('every key of the catalogue has a Chinese meaning, values and default', () => {
    for (const info of IFCFG_KEYS) {
      const zh = wordIfcfgKey(info, 'zh-CN');
      expectChinese(zh.meaning, info.meaning, info.key);
      expect(zh.values.length, info.key).toBeGreaterThan(0);
      expect(zh.defaultValue.length, info.key).toBeGreaterThan(0);
    }
  });

  it('numbered keys (IPADDR1, DNS4) get their base key\'s Chinese help; English stays English', () => {
    expect(wordIfcfgKey(describeIfcfgKey('IPADDR1')!, 'zh-CN')).toEqual(wordIfcfgKey(describeIfcfgKey('IPADDR')!, 'zh-CN'));
    expect(wordIfcfgKey(describeIfcfgKey('DNS4')!, 'zh-CN').meaning).toMatch(CJK);
    expect(wordIfcfgKey(describeIfcfgKey('TYPE')!, 'en').meaning).toBe(describeIfcfgKey('TYPE')!.meaning);
  });
});

describe('choices and apply notes in Chinese', () => {
  it('every choice error is produced from a bad choice and worded in Chinese', () => {
    const bad: BridgeChoices[] = [
      { bridge: 'a/b', port: 'a/b', address: 'x' },
      { bridge: 'br0', port: 'br0', address: '192.168.1.10/24', gateway: '10.0.0.1' },
      { bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: 'x', dns: ['y'], hwaddr: 'z', stp: true, delay: 0 },
    ];
    const errors = bad.flatMap(validateBridgeChoices);
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(Object.keys(choiceErrorWordings)));
    for (const e of errors) expectChinese(wordMessage(choiceErrorWordings, e, 'zh-CN'), wordMessage(choiceErrorWordings, e, 'en'), e.code);
  });

  it('a generated pair carries its comments in the edition asked for, and the checker finds nothing in either', () => {
    const choices: BridgeChoices = { bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1' };
    const en = generateBridgePair(choices);
    const zh = generateBridgePair(choices, 'zh-CN');
    expect(zh.map((f) => f.text.split('\n')[0])).toEqual(['# br0：网桥。主机的 IP 地址配在它上面。', '# eth0：br0 的端口。这里不写 IP 设置，IP 设置都在网桥上。']);
    expect(en.map((f) => f.text.split('\n')[0])).toEqual([
      "# br0: the bridge. It carries the host's IP address.",
      '# eth0: a port of br0. No IP settings here: they live on the bridge.',
    ]);
    // Only the comments differ.
    expect(zh.map((f) => f.text.split('\n').slice(1))).toEqual(en.map((f) => f.text.split('\n').slice(1)));
    for (const files of [en, zh]) expect(checkIfcfgFiles(files.map((f) => ({ path: f.name, text: f.text })))).toEqual([]);
    expect(Object.keys(generatedCommentWordings)).toEqual(['bridgeFile', 'portFile']);
  });

  it('refusing a file name is a note of ours, worded in Chinese', async () => {
    const vm: LabVMLike = { async writeFile() {}, async run() { return { output: '', status: 0 }; } };
    const [step] = await applyBridgeFilesInLabVM(vm, [{ name: 'br0; reboot', text: '' }], 'br0');
    expect(step!.note?.code).toBe('badFileNames');
    expect(step!.output).toBe('');
    expect(wordMessage(applyNoteWordings, step!.note!, 'zh-CN')).toBe('没有应用："br0; reboot" 不是 ifcfg-br0 这样的文件名');
  });
});
