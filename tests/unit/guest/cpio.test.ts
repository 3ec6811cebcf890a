import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readNewcArchive, writeNewcArchive } from '../../../scripts/guest/cpio.ts';

describe('writeNewcArchive', () => {
  test('writes the newc magic, 4-byte alignment and the trailer', () => {
    const archive = writeNewcArchive([{ kind: 'file', path: 'init', data: new TextEncoder().encode('#!/bin/sh\n'), mode: 0o755 }]);
    const text = new TextDecoder('latin1').decode(archive);
    expect(text.startsWith('070701')).toBe(true);
    expect(text).toContain('TRAILER!!!');
    expect(archive.length % 4).toBe(0);
  });

  test('round-trips files, directories, symlinks and device nodes', () => {
    const data = new TextEncoder().encode('hello');
    const archive = writeNewcArchive([
      { kind: 'dir', path: '/bin', mode: 0o755 },
      { kind: 'file', path: 'bin/busybox', data, mode: 0o755 },
      { kind: 'symlink', path: 'bin/sh', target: 'busybox' },
      { kind: 'chardev', path: 'dev/console', mode: 0o600, major: 5, minor: 1 },
    ]);
    const entries = readNewcArchive(archive);
    expect(entries.map((entry) => entry.path)).toEqual(['bin', 'bin/busybox', 'bin/sh', 'dev/console']);
    expect(entries[0].mode).toBe(0o040755);
    expect(entries[1].mode).toBe(0o100755);
    expect(new TextDecoder().decode(entries[1].data)).toBe('hello');
    expect(entries[2].mode & 0o170000).toBe(0o120000);
    expect(new TextDecoder().decode(entries[2].data)).toBe('busybox');
    expect(entries[3].mode).toBe(0o020600);
  });

  test('any set of files survives write → gzip → read', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z0-9_.-]{1,20}$/), data: fc.uint8Array({ maxLength: 300 }) }), {
          selector: (file) => file.name,
          maxLength: 12,
        }),
        (files) => {
          const archive = writeNewcArchive(files.map((file) => ({ kind: 'file' as const, path: file.name, data: file.data, mode: 0o644 })));
          const back = readNewcArchive(new Uint8Array(gunzipSync(gzipSync(archive))));
          expect(back.map((entry) => [entry.path, [...entry.data]])).toEqual(files.map((file) => [file.name, [...file.data]]));
        },
      ),
    );
  });
});
