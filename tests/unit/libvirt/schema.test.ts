// libvirt's own rules as the oracle: every domain the generator makes validates against libvirt's
// RelaxNG schema (domain.rng from Debian's libvirt0, through xmllint --relaxng), and the checker
// calls a document schema-invalid exactly when the schema does, on a corpus of good and bad ones.
// In CI (.ci/run installs libvirt0 and libxml2-utils) a missing schema or xmllint is a failure.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CPU_MODES, DISK_FORMATS, DISPLAYS, MACHINES, NIC_MODELS, checkDomainXml, generateDomainXml, schemaRejects, validateDomainChoices,
  type DomainChoices,
} from '../../../lib/libvirt/index.ts';
import { badDomains, goodDomains } from './domainCorpus.ts';

const SCHEMA = '/usr/share/libvirt/schemas/domain.rng';

function missingTools(): string | undefined {
  if (!existsSync(SCHEMA)) return `${SCHEMA} is missing: install Debian's libvirt0 (apt-get install libvirt0)`;
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'xmllint is missing: install Debian\'s libxml2-utils';
  }
  return undefined;
}

const missing = missingTools();
if (missing && !process.env.CI) console.warn(`\n*** libvirt schema tests SKIPPED: ${missing} ***\n`);

const dir = mkdtempSync(join(tmpdir(), 'libvirt-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict on each document: true when it validates against domain.rng. */
function schemaVerdicts(documents: readonly string[], prefix: string): { valid: boolean[]; output: string } {
  const files = documents.map((text, i) => {
    const path = join(dir, `${prefix}-${i}.xml`);
    writeFileSync(path, text);
    return path;
  });
  const run = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = run.stderr;
  const valid = files.map((path) => {
    if (output.includes(`${path} validates`)) return true;
    if (output.includes(`${path} fails to validate`) || output.includes(`${path}:`)) return false;
    throw new Error(`xmllint said nothing about ${path}:\n${output.slice(0, 2000)}`);
  });
  return { valid, output };
}

const choicesArbitrary: fc.Arbitrary<DomainChoices> = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9_.+][A-Za-z0-9_.+-]{0,63}$/),
  memoryMiB: fc.integer({ min: 64, max: 4_194_304 }),
  vcpus: fc.integer({ min: 1, max: 512 }),
  diskPath: fc
    .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), fc.constantFrom('a&b', 'x<y>', 'q"u\'o', 'sp ace', 'com,ma', '镜像', 'é')), { minLength: 1, maxLength: 5 })
    .map((parts) => `/${parts.join('/')}`),
  diskFormat: fc.constantFrom(...DISK_FORMATS),
  bridge: fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,14}$/),
  mac: fc.oneof(
    fc.constant(''),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }).map((bytes) =>
      bytes.map((b, i) => (i === 0 ? b & 0xfe : b).toString(16).padStart(2, '0')).join(':'),
    ),
  ),
  nicModel: fc.constantFrom(...NIC_MODELS),
  display: fc.constantFrom(...DISPLAYS),
  machine: fc.constantFrom(...MACHINES),
  cpuMode: fc.constantFrom(...CPU_MODES),
});

describe.skipIf(missing !== undefined && !process.env.CI)("libvirt's domain.rng", { timeout: 120_000 }, () => {
  it('is installed (libvirt0 and libxml2-utils, as .ci/run installs them)', () => {
    expect(missing).toBeUndefined();
  });

  it('accepts every domain the generator makes, over every option and 300 random choices', () => {
    const choices: DomainChoices[] = [];
    // Every combination of the enumerated options…
    for (const diskFormat of DISK_FORMATS)
      for (const nicModel of NIC_MODELS)
        for (const display of DISPLAYS)
          for (const machine of MACHINES)
            for (const cpuMode of CPU_MODES) choices.push({ name: 'vm1', memoryMiB: 2048, vcpus: 2, diskPath: '/var/lib/libvirt/images/vm1.qcow2', diskFormat, bridge: 'br0', mac: '52:54:00:12:34:56', nicModel, display, machine, cpuMode });
    // …and random names, sizes, paths (with XML's special characters), bridges and MACs.
    choices.push(...fc.sample(choicesArbitrary, { numRuns: 300, seed: 20261203 }));
    for (const c of choices) expect(validateDomainChoices(c)).toEqual([]);
    const documents = choices.map(generateDomainXml);
    const { valid, output } = schemaVerdicts(documents, 'generated');
    const rejected = valid.flatMap((ok, i) => (ok ? [] : [i]));
    expect(rejected, output).toEqual([]);
    // The checker agrees: no schema error on any of them.
    for (const xml of documents) expect(checkDomainXml(xml).filter((f) => f.layer === 'xml' || f.layer === 'schema')).toEqual([]);
  });

  it("agrees with the schema's verdict on every good and bad document of the corpus", () => {
    const entries = [...Object.entries(goodDomains), ...Object.entries(badDomains)];
    const { valid } = schemaVerdicts(entries.map(([, text]) => text), 'corpus');
    const disagreements = entries.flatMap(([label, text], i) => {
      const checker = !schemaRejects(checkDomainXml(text));
      return checker === valid[i] ? [] : [`${label}: schema ${valid[i] ? 'accepts' : 'rejects'}, checker ${checker ? 'accepts' : 'rejects'}`];
    });
    expect(disagreements).toEqual([]);
    // The corpus is what it says: the good ones validate and the bad ones do not.
    expect(valid.slice(0, Object.keys(goodDomains).length).every(Boolean)).toBe(true);
    expect(valid.slice(Object.keys(goodDomains).length).some(Boolean)).toBe(false);
  });
});
