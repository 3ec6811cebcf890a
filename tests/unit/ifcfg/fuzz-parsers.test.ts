import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIfcfgFiles, parseIfcfgFile } from '../../../lib/ifcfg/index.ts';

// Pieces that real (and broken) ifcfg files are made of, so the fuzzer reaches deep paths.
const PIECES = ['DEVICE=', 'TYPE=', 'BRIDGE=', 'IPADDR=', 'NETMASK=', 'STP=', 'DELAY=', 'export ', 'br0', 'eth0', 'Bridge',
  '192.168.1.10', '/24', '"', "'", '$', '`', '$(', ')', '(', '\\', '\n', '\r\n', ' ', '\t', '#', ';', '|', '&', '<', '>',
  '${', '}', "$'", '\\x4', '\\u', '=', 'yes', 'no', 'on', '~', 'é', '\0', '\u2028'];

const fileArbitrary = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('fuzzing', () => {
  it('10,000 random files never crash the parsers or the rules', () => {
    fc.assert(
      fc.property(fileArbitrary, fileArbitrary, (a, b) => {
        const file = parseIfcfgFile('ifcfg-br0', a);
        for (const x of file.nm.assignments) expect(x.line).toBeGreaterThan(0);
        for (const d of file.bash.diagnostics) expect(d.line).toBeGreaterThan(0);
        const findings = checkIfcfgFiles([{ path: 'ifcfg-br0', text: a }, { path: 'ifcfg-eth0', text: b }]);
        for (const f of findings) {
          expect(f.line).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(f.severity);
        }
      }),
      { numRuns: 10_000, seed: 20240630 },
    );
  });
});
