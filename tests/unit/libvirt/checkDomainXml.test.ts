import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDomainXml, DEFAULT_DOMAIN_CHOICES, domainChoiceWordings, domainFindingWordings, formatDomainFinding, generateDomainXml, interfaceXml,
  parseXml, validateDomainChoices, virtInstallCommand, wordDomainFinding, xmlProblemWordings, type DomainFinding,
} from '../../../lib/libvirt/index.ts';
import { baseDomain, badDomains, goodDomains } from './domainCorpus.ts';
import { englishRuns } from '../../english-runs.ts';

const codes = (findings: DomainFinding[]) => findings.map((f) => f.code);

describe('parseXml', () => {
  it('keeps the line and column of elements, attributes and values', () => {
    const parsed = parseXml('<a>\n  <b x="1"\n     y=\'2\'/>\n</a>');
    const b = parsed.root!.children.find((c) => c.kind === 'element')!;
    expect(b.kind === 'element' && b.at).toEqual({ line: 2, column: 3, offset: 6 });
    expect(b.kind === 'element' && b.attributes.map((a) => [a.name, a.value, a.at.line, a.at.column, a.valueAt.column])).toEqual([
      ['x', '1', 2, 6, 9],
      ['y', '2', 3, 6, 9],
    ]);
  });

  it('decodes entities and character references, and normalises attribute whitespace', () => {
    const parsed = parseXml('<a t="x&#10;y\tz">&lt;&amp;&#x41;&gt;</a>');
    expect(parsed.root!.attributes[0]!.value).toBe('x\ny z');
    expect(parsed.root!.children).toMatchObject([{ kind: 'text', text: '<&A>' }]);
  });

  it.each([
    ['<a><b></a>', 'mismatchedEndTag', 1, 7],
    ['<a>\n<b>\n', 'unclosedElement', 3, 1],
    ['<a x="1" x="2"/>', 'duplicateAttribute', 1, 10],
    ['<a x=1/>', 'unquotedAttribute', 1, 6],
    ['<a>&nbsp;</a>', 'badEntity', 1, 4],
    ['<a/><b/>', 'secondRoot', 1, 5],
    ['<a/>\nx', 'textOutsideRoot', 2, 1],
    ['', 'emptyDocument', 1, 1],
    ['<a x="<"/>', 'ltInAttribute', 1, 7],
    ['<a>\u0001</a>', 'badCharacter', 1, 4],
    ['<!DOCTYPE a [<!ENTITY e "x">]><a/>', 'doctypeNotAllowed', 1, 1],
    ['<a><!-- a -- b --></a>', 'doubleHyphenInComment', 1, 11],
    ['</a>', 'unexpectedEndTag', 1, 1],
    ['<a x></a>', 'attributeWithoutValue', 1, 4],
  ])('%j is not well-formed: %s at %i:%i', (text, code, line, column) => {
    const { problem } = parseXml(text);
    expect(problem).toMatchObject({ code, at: { line, column } });
  });

  it('reads a document nested far deeper than it accepts without overflowing the stack', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(parseXml(deep).problem?.code).toBe('tooDeep');
  });
});

describe('generateDomainXml', () => {
  it("writes the shape virt-install --print-xml writes: memory in KiB, a bridge interface, the disk's format", () => {
    const xml = generateDomainXml({ ...DEFAULT_DOMAIN_CHOICES, memoryMiB: 1024, mac: '52:54:00:AA:BB:CC', display: 'vnc' });
    expect(xml).toContain('<memory>1048576</memory>');
    expect(xml).toContain(interfaceXml('br0', 'virtio', '52:54:00:aa:bb:cc', '    '));
    expect(xml).toContain('<driver name="qemu" type="qcow2"/>');
    expect(xml).toContain('<graphics type="vnc" port="-1"/>');
    expect(checkDomainXml(xml, { hostBridges: ['br0'] })).toEqual([]);
  });

  it('escapes what XML would misread in a disk path', () => {
    const xml = generateDomainXml({ ...DEFAULT_DOMAIN_CHOICES, diskPath: '/srv/a&b "c" <d>.qcow2' });
    expect(xml).toContain('file="/srv/a&amp;b &quot;c&quot; &lt;d&gt;.qcow2"');
    const disk = parseXml(xml).root!;
    expect(disk.kind).toBe('element');
  });

  it('refuses choices libvirt or Linux would not take, each with a code', () => {
    const problems = validateDomainChoices({ ...DEFAULT_DOMAIN_CHOICES, name: '-x', memoryMiB: 1, vcpus: 0, diskPath: 'vm.qcow2', bridge: 'a-bridge-name-too-long', mac: '01:00:5e:00:00:01' });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['name', 'badDomainName'],
      ['memoryMiB', 'memoryOutOfRange'],
      ['vcpus', 'vcpusOutOfRange'],
      ['diskPath', 'diskPathNotAbsolute'],
      ['bridge', 'badBridgeName'],
      ['mac', 'multicastMac'],
    ]);
    expect(() => generateDomainXml({ ...DEFAULT_DOMAIN_CHOICES, name: '' })).toThrow();
  });

  it('gives the virt-install command for the same guest, with commas in a path doubled and the shell quoting', () => {
    const command = virtInstallCommand({ ...DEFAULT_DOMAIN_CHOICES, diskPath: "/srv/it's,here.img", diskFormat: 'raw' });
    expect(command).toContain(`--disk 'path=/srv/it'\\''s,,here.img,format=raw,bus=virtio'`);
    expect(command).toContain('--network bridge=br0,model=virtio');
    expect(command.at(-2)).toBe('--import');
  });
});

describe('checkDomainXml', () => {
  it('finds nothing wrong with the generated domain on a host that has its bridge', () => {
    expect(checkDomainXml(baseDomain, { hostBridges: ['br0'] })).toEqual([]);
  });

  it('says where a well-formedness error is, with line and column', () => {
    const broken = baseDomain.replace('</devices>', '</device>');
    const [finding] = checkDomainXml(broken);
    const line = broken.split('\n').findIndex((l) => l.includes('</device>')) + 1;
    expect(finding).toMatchObject({ code: 'xml', severity: 'error', layer: 'xml', line, column: 3, params: { problem: 'mismatchedEndTag', openName: 'devices' } });
    expect(formatDomainFinding('vm1.xml', finding!)).toBe(`vm1.xml:${line}:3: error: [xml] not well-formed XML: </device> closes <devices>, which was opened on line ${broken.split('\n').findIndex((l) => l.includes('<devices>')) + 1}; libvirt reads nothing of the document`);
  });

  it('points at the attribute value for a schema error, with the path of the element', () => {
    const xml = baseDomain.replace('bus="virtio"', 'bus="virtio-blk"');
    const [finding] = checkDomainXml(xml);
    const lineText = xml.split('\n').find((l) => l.includes('virtio-blk'))!;
    expect(finding).toMatchObject({ code: 'valueNotAllowed', line: xml.split('\n').indexOf(lineText) + 1, column: lineText.indexOf('virtio-blk') + 1, path: '/domain/devices/disk/target/@bus' });
  });

  it("the chapter's mistakes: a bridge the ifcfg files do not make, NAT where a bridge was meant, an emulated NIC, a wrong disk format, no console", () => {
    const wrongBridge = checkDomainXml(baseDomain.replace('bridge="br0"', 'bridge="virbr1"'), { hostBridges: ['br0'] });
    expect(wrongBridge).toMatchObject([{ code: 'bridgeNotOnHost', severity: 'error', params: { bridge: 'virbr1', known: 'br0' }, path: '/domain/devices/interface/source/@bridge' }]);
    expect(codes(checkDomainXml(goodDomains['the default NAT network']!))).toEqual(['defaultNatNetwork']);
    expect(codes(checkDomainXml(goodDomains['an e1000 NIC']!))).toEqual(['emulatedNic']);
    expect(codes(checkDomainXml(goodDomains['no NIC model']!))).toEqual(['noNicModel']);
    expect(codes(checkDomainXml(goodDomains['no console']!))).toEqual(['noConsole']);
    expect(checkDomainXml(baseDomain.replace('type="qcow2"', 'type="raw"'))).toMatchObject([{ code: 'diskFormatMismatch', severity: 'warning', params: { declared: 'raw', actual: 'qcow2', evidence: 'extension' } }]);
    const byHeader = checkDomainXml(baseDomain.replace('type="qcow2"', 'type="raw"'), { imageFormats: { '/var/lib/libvirt/images/vm1.qcow2': 'qcow2' } });
    expect(byHeader).toMatchObject([{ code: 'diskFormatMismatch', severity: 'error', params: { evidence: 'header' } }]);
    expect(codes(checkDomainXml(baseDomain.replace('      <driver name="qemu" type="qcow2"/>\n', '')))).toEqual(['diskFormatMismatch']);
    expect(codes(checkDomainXml(baseDomain.replace('<source bridge="br0"/>', '')))).toEqual(['bridgeSourceMissing']);
    expect(codes(checkDomainXml(baseDomain.replace('  <memory>2097152</memory>\n', '')))).toEqual(['noMemory']);
    expect(codes(checkDomainXml(baseDomain.replace(/ {2}<os>[\s\S]*?<\/os>\n/, '')))).toEqual(['noOsType']);
  });

  it('words every finding of the corpus in both editions, without an English sentence on the Chinese side', () => {
    const extra = [baseDomain.replace('bridge="br0"', 'bridge="br1"'), baseDomain.replace('  <memory>2097152</memory>\n', ''), baseDomain.replace(/ {2}<os>[\s\S]*?<\/os>\n/, ''), baseDomain.replace('type="qcow2"', 'type="raw"'), baseDomain.replace('vm1.qcow2', 'vm1.img')];
    for (const text of [...Object.values(goodDomains), ...Object.values(badDomains), ...extra]) {
      for (const f of checkDomainXml(text, { hostBridges: ['br0', 'br-lan'] })) {
        expect(wordDomainFinding(f, 'en')).not.toBe(f.code);
        expect(wordDomainFinding(f, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
        expect(englishRuns(wordDomainFinding(f, 'zh-CN'))).toEqual([]);
      }
    }
  });

  it('has a wording in both editions for every code', () => {
    for (const catalogue of [domainFindingWordings, domainChoiceWordings, xmlProblemWordings]) {
      for (const entry of Object.values(catalogue)) {
        expect(typeof entry.en).toBe('function');
        expect(typeof entry['zh-CN']).toBe('function');
      }
    }
  });
});

describe('checkDomainXml on hostile input', () => {
  const mangle = fc.tuple(fc.nat(baseDomain.length), fc.nat(40), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<', '>', '&', '"', "'", '</', '/>', '<!--', ']]>', '<![CDATA[', '&#0;', '&#x110000;', '\u0000', '\uD800', '<!DOCTYPE d>', '\r\n', '<domain>', 'type=', '=')));

  it('never throws on 10,000 mangled documents, and every finding has a position and a wording', () => {
    fc.assert(
      fc.property(fc.array(mangle, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = baseDomain;
        for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
        const findings = checkDomainXml(text, { hostBridges: ['br0'] });
        const lines = text.split('\n');
        for (const f of findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
          expect(wordDomainFinding(f, 'en').length).toBeGreaterThan(0);
          expect(wordDomainFinding(f, 'zh-CN').length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 10_000, seed: 18 },
    );
  });

  it('reads a megabyte of attributes or of open tags in one pass', () => {
    const attributes = `<domain type="kvm" ${Array.from({ length: 40_000 }, (_, i) => `a${i}="x"`).join(' ')}>`;
    expect(checkDomainXml(attributes)[0]).toMatchObject({ code: 'xml', params: { problem: 'unclosedElement' } });
    expect(checkDomainXml('<a>'.repeat(400_000))[0]).toMatchObject({ code: 'xml', params: { problem: 'tooLarge' } });
    expect(checkDomainXml(`<domain>${'&amp;'.repeat(100_000)}</domain>`)[0]).toMatchObject({ code: 'missingAttribute' });
  });
});

describe('the libvirt-mistakes exercise', () => {
  it('plants two or three mistakes the checker finds on separate lines, and keys them in both editions', async () => {
    const { generateLocalizedProblem } = await import('../../../lib/exercises/index.ts');
    for (let seed = 1; seed <= 200; seed++) {
      const result = generateLocalizedProblem('libvirt-mistakes', seed);
      if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(result)}`);
      const lines = result.problem.answer.split(', ');
      expect(lines.length, `seed ${seed}`).toBeGreaterThanOrEqual(2);
      expect(result.problem.explanation['zh-CN']).toMatch(/^第 \d+ 行/);
    }
  });
});
