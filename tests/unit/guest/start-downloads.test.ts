/**
 * What the page asks for when the reader presses Power on: the state and the BIOS go out with the
 * manifest, not after it (lib/guest/web.ts), and are still checked against it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuestLoadError, GUEST_FILE_NAMES, LAB_MACHINE } from '../../../lib/guest/index.ts';
import { startWebLabVM } from '../../../lib/guest/web.ts';
import { refusingV86 } from './refusing-v86.ts';

const sha256 = async (bytes: Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A fake server: `files` by path, the manifest answered when `releaseManifest` is called. */
function serve(files: Record<string, Uint8Array>, manifest: () => Response) {
  const requested: string[] = [];
  let releaseManifest = () => {};
  const manifestAnswered = new Promise<void>((resolve) => (releaseManifest = resolve));
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    requested.push(url);
    if (url.endsWith('/guest/manifest.json')) {
      await manifestAnswered;
      return manifest();
    }
    const body = files[url];
    return body ? new Response(body.slice(), { status: 200 }) : new Response('', { status: 404 });
  }));
  return { requested, releaseManifest };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Power on', () => {
  it('asks for the state and the BIOS before the manifest has answered', async () => {
    const { requested, releaseManifest } = serve({}, () => new Response('', { status: 404 }));
    const starting = startWebLabVM({ baseUrl: '/', wasm: { path: 'v86.wasm' }, loadV86: async () => refusingV86([]) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requested).toEqual(['/guest/manifest.json', `/guest/${GUEST_FILE_NAMES.bios}`, `/guest/${GUEST_FILE_NAMES.state}`]);
    releaseManifest();
    // The manifest's own failure is the one reported, though the early downloads failed too.
    const error = await starting.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(GuestLoadError);
    expect((error as GuestLoadError).problem).toEqual({ code: 'notBuilt' });
  });

  it('checks what arrived early against the manifest, and follows a manifest that names its state otherwise', async () => {
    const state = Uint8Array.of(1, 2, 3, 4);
    const bios = Uint8Array.of(5, 6);
    const file = async (name: string, bytes: Uint8Array) => ({ name, bytes: bytes.length, sha256: await sha256(bytes) });
    const manifest = {
      format: 1,
      machine: LAB_MACHINE,
      files: {
        state: { ...(await file('state-2.bin.zst', state)), rawBytes: 20 },
        bios: await file(GUEST_FILE_NAMES.bios, bios),
        bzimage: await file(GUEST_FILE_NAMES.bzimage, state),
        initrd: await file(GUEST_FILE_NAMES.initrd, state),
      },
    };
    const { requested, releaseManifest } = serve(
      {
        // What the published name holds is not the manifest's state, and must not be restored.
        [`/guest/${GUEST_FILE_NAMES.state}`]: Uint8Array.of(9, 9, 9, 9),
        '/guest/state-2.bin.zst': state,
        [`/guest/${GUEST_FILE_NAMES.bios}`]: bios,
        [`/guest/${GUEST_FILE_NAMES.bzimage}`]: state,
        [`/guest/${GUEST_FILE_NAMES.initrd}`]: state,
      },
      () => new Response(JSON.stringify(manifest), { status: 200 }),
    );
    releaseManifest();
    const restored: Uint8Array[] = [];
    const error = await startWebLabVM({ baseUrl: '/', wasm: { path: 'v86.wasm' }, loadV86: async () => refusingV86(restored) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(requested).toContain('/guest/state-2.bin.zst');
    expect(restored).toEqual([state]);
    // Refused, then cold booted: the fake cannot run, so the start fails for that reason.
    expect((error as GuestLoadError).problem.code).toBe('notStarted');
  });

  it('refuses a BIOS that arrived early but is not the one the manifest describes', async () => {
    const bios = Uint8Array.of(5, 6);
    const manifest = {
      format: 1,
      machine: LAB_MACHINE,
      files: {
        state: { name: GUEST_FILE_NAMES.state, bytes: 2, sha256: await sha256(bios), rawBytes: 20 },
        bios: { name: GUEST_FILE_NAMES.bios, bytes: 2, sha256: await sha256(Uint8Array.of(7, 8)) },
        bzimage: { name: GUEST_FILE_NAMES.bzimage, bytes: 2, sha256: await sha256(bios) },
        initrd: { name: GUEST_FILE_NAMES.initrd, bytes: 2, sha256: await sha256(bios) },
      },
    };
    const { releaseManifest } = serve(
      { [`/guest/${GUEST_FILE_NAMES.bios}`]: bios, [`/guest/${GUEST_FILE_NAMES.state}`]: bios },
      () => new Response(JSON.stringify(manifest), { status: 200 }),
    );
    releaseManifest();
    const error = await startWebLabVM({ baseUrl: '/', wasm: { path: 'v86.wasm' }, loadV86: async () => refusingV86([]) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as GuestLoadError).problem).toEqual({ code: 'downloadCorrupted', params: { file: { code: 'bios' } } });
  });
});
