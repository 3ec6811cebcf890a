/**
 * `npm run guest`: builds the lab VM into public/guest/.
 *
 *   1. Debian bookworm i386 packages: the kernel (linux-image-*-686, or with --kernel lab linux-source-6.1
 *      compiled from tinyconfig + guest/kernel/lab.config, cached by that config's hash), busybox, seabios,
 *      iproute2, util-linux (unshare, nsenter) and the libraries they need (apt-get with private lists and cache under
 *      ~/.cache/hands-on-virtualization/guest, or a folder of .debs in LAB_GUEST_DEBS / --debs DIR).
 *   2. An initramfs (newc cpio, gzip) from them and the recipe in guest/.
 *   3. A cold boot in v86 (Node), caches dropped, the state saved and compressed with zstd.
 *   4. The restored state is checked (a command runs), then manifest.json and NOTICE are written.
 *
 * Flags: --if-stale (do nothing when public/guest matches the recipe), --debs DIR,
 *        --keep-work (leave the extracted packages), --kernel debian|lab (or LAB_GUEST_KERNEL;
 *        default: DEFAULT_KERNEL).
 * It also copies v86's wasm files, unhashed, to public/v86/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, zstdCompressSync, constants as zlibConstants } from 'node:zlib';
import { writeNewcArchive } from './guest/cpio.ts';
import { extractDeb, fetchWithApt, fromDebFolder, type FetchedPackage, type KernelChoice } from './guest/debian-packages.ts';
import { labKernel } from './guest/lab-kernel.ts';
import { parseModuleList, planInitramfs } from './guest/initramfs.ts';
import { LAB_MACHINE } from '../lib/guest/emulator-options.ts';
import { LabVM } from '../lib/guest/lab-vm.ts';
import type { GuestFile, GuestManifest } from '../lib/guest/manifest.ts';
import { GUEST_FILE_NAMES, SHARE_MOUNT_POINT } from '../lib/guest/manifest.ts';
import { loadNodeV86 } from '../lib/guest/node.ts';
import { guestStatusWordings } from '../lib/guest/guest-wordings.ts';
import { wordMessage } from '../lib/book/localized-text.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUEST_RECIPE = join(ROOT, 'guest');
const OUT_DIR = join(ROOT, 'public/guest');
const V86_OUT_DIR = join(ROOT, 'public/v86');
// Downloads and extracted packages live outside the work tree (override with LAB_GUEST_CACHE).
const CACHE_DIR = process.env.LAB_GUEST_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hands-on-virtualization/guest');

const LAB_KERNEL_CONFIG = join(GUEST_RECIPE, 'kernel/lab.config');
/** The kernel `npm run guest` builds with when neither --kernel nor LAB_GUEST_KERNEL says. */
export const DEFAULT_KERNEL: KernelChoice = 'debian';

function log(line: string): void {
  process.stdout.write(`[guest] ${line}\n`);
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Hash of everything that shapes the built guest. */
export function recipeHash(v86Version: string, kernel: KernelChoice): string {
  const hash = createHash('sha256');
  hash.update(`v86 ${v86Version}\n`);
  hash.update(`kernel ${kernel}\n`);
  const inputs = [
    ...listFiles(GUEST_RECIPE),
    join(ROOT, 'scripts/build-guest.ts'),
    ...listFiles(join(ROOT, 'scripts/guest')),
    join(ROOT, 'lib/guest/emulator-options.ts'),
    join(ROOT, 'lib/guest/manifest.ts'),
  ];
  for (const file of inputs) {
    const mode = statSync(file).mode & 0o111 ? 'x' : '-';
    hash.update(`${relative(ROOT, file)} ${mode}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Why public/guest needs a rebuild, or null when it is up to date. */
export function staleReason(v86Version: string, kernel: KernelChoice): string | null {
  const manifestPath = join(OUT_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) return 'public/guest/manifest.json is missing';
  let manifest: GuestManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as GuestManifest;
  } catch {
    return 'public/guest/manifest.json is unreadable';
  }
  if (manifest.recipeHash !== recipeHash(v86Version, kernel)) return 'the recipe (guest/, scripts, v86 version, kernel choice) changed';
  for (const file of Object.values(manifest.files)) {
    const path = join(OUT_DIR, file.name);
    if (!existsSync(path) || statSync(path).size !== file.bytes) return `public/guest/${file.name} is missing or changed`;
  }
  for (const wasm of ['v86.wasm', 'v86-fallback.wasm']) {
    if (!existsSync(join(V86_OUT_DIR, wasm))) return `public/v86/${wasm} is missing`;
  }
  return null;
}

type BuildOptions = { ifStale: boolean; debs: string | undefined; keepWork: boolean; kernel: KernelChoice };

function kernelChoice(value: string, where: string): KernelChoice {
  if (value === 'debian' || value === 'lab') return value;
  throw new Error(`${where}: "${value}" is not a kernel choice (debian or lab)`);
}

function parseArgs(argv: string[]): BuildOptions {
  let debs = process.env.LAB_GUEST_DEBS || undefined;
  let kernel = process.env.LAB_GUEST_KERNEL ? kernelChoice(process.env.LAB_GUEST_KERNEL, 'LAB_GUEST_KERNEL') : DEFAULT_KERNEL;
  let ifStale = false;
  let keepWork = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--if-stale') ifStale = true;
    else if (arg === '--keep-work') keepWork = true;
    else if (arg === '--debs') debs = argv[++index];
    else if (arg.startsWith('--debs=')) debs = arg.slice('--debs='.length);
    else if (arg === '--kernel') kernel = kernelChoice(argv[++index] ?? '', '--kernel');
    else if (arg.startsWith('--kernel=')) kernel = kernelChoice(arg.slice('--kernel='.length), '--kernel');
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run guest -- [--if-stale] [--debs DIR] [--keep-work] [--kernel debian|lab]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return { ifStale, debs, keepWork, kernel };
}

function compressZstd(raw: Uint8Array): Uint8Array {
  const zstd = '/usr/bin/zstd';
  if (existsSync(zstd) || spawnSync('zstd', ['--version']).status === 0) {
    const result = spawnSync(existsSync(zstd) ? zstd : 'zstd', ['-19', '-T0', '-q', '-c'], { input: raw, maxBuffer: 1 << 30 });
    if (result.status === 0) return new Uint8Array(result.stdout);
    log(`zstd CLI failed (${result.stderr.toString().trim()}); using Node's zstd`);
  }
  return new Uint8Array(zstdCompressSync(raw, { params: { [zlibConstants.ZSTD_c_compressionLevel]: 19 } }));
}

function sourceOf(deb: FetchedPackage): { name: string; version: string } {
  const field = execFileSync('dpkg-deb', ['-f', deb.path, 'Source'], { encoding: 'utf8' }).trim();
  const match = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(field);
  if (!match) return { name: deb.name, version: deb.version.replace(/\+b\d+$/, '') };
  return { name: match[1], version: match[2] ?? deb.version.replace(/\+b\d+$/, '') };
}

const LICENCES: Record<string, string> = {
  'linux-image': 'GPL-2.0-only (the Linux kernel and its modules)',
  'linux-source-6.1': 'GPL-2.0-only (the Linux kernel and its modules, compiled with kernel.config)',
  busybox: 'GPL-2.0-only',
  'busybox-static': 'GPL-2.0-only',
  'bridge-utils': 'GPL-2.0-or-later',
  seabios: 'LGPL-3.0-or-later',
  iproute2: 'GPL-2.0-or-later',
  libc6: 'LGPL-2.1-or-later (GNU C Library)',
  libbpf1: 'LGPL-2.1-only OR BSD-2-Clause',
  libelf1: 'GPL-2.0-or-later OR LGPL-3.0-or-later (elfutils)',
  zlib1g: 'Zlib',
  libmnl0: 'LGPL-2.1-or-later',
  libbsd0: 'BSD-3-Clause and related permissive licences',
  libmd0: 'BSD-2-Clause, BSD-3-Clause, ISC and public domain',
  libcap2: 'BSD-3-Clause OR GPL-2.0-only',
  'util-linux': 'GPL-2.0-or-later (unshare, nsenter; see licenses/util-linux.copyright)',
  libselinux1: 'public domain (see licenses/libselinux1.copyright)',
  'libpcre2-8-0': 'BSD-3-Clause WITH PCRE2-exception',
};

function writeNotice(packages: FetchedPackage[], v86Version: string, kernel: KernelChoice): string {
  const lines = [
    'The lab VM (public/guest/) is built from these Debian 12 "bookworm" packages, unmodified',
    'except for being repacked into an initramfs and a saved machine state.',
    ...(kernel === 'lab'
      ? ['The kernel is compiled from linux-source-6.1 (unpatched) with the configuration in kernel.config', '(`make ARCH=i386 tinyconfig` plus guest/kernel/lab.config).']
      : []),
    'Each package\'s copyright file is in licenses/. Complete corresponding sources:',
    'https://snapshot.debian.org/package/<source>/<version>/ (or `apt-get source <source>=<version>`).',
    '',
  ];
  for (const deb of packages) {
    const source = sourceOf(deb);
    const licenceKey = deb.name.startsWith('linux-image-') ? 'linux-image' : deb.name;
    const architecture = execFileSync('dpkg-deb', ['-f', deb.path, 'Architecture'], { encoding: 'utf8' }).trim();
    lines.push(`${deb.name} ${deb.version} (${architecture})`);
    lines.push(`  licence: ${LICENCES[licenceKey] ?? 'see licenses/' + deb.name + '.copyright'}`);
    lines.push(`  source:  ${source.name} ${source.version}  https://snapshot.debian.org/package/${source.name}/${source.version}/`);
    if (source.name.startsWith('linux-signed-')) {
      // The signed image is built from the unsigned one; the kernel's own source is package "linux".
      lines.push(`  kernel source: linux ${deb.version}  https://snapshot.debian.org/package/linux/${deb.version}/`);
    }
    lines.push(`  sha256:  ${deb.sha256}  ${deb.file}`);
  }
  lines.push('', `Emulator: v86 ${v86Version} (BSD-2-Clause), https://github.com/copy/v86`, '');
  return lines.join('\n');
}

async function build(options: BuildOptions, v86: Awaited<ReturnType<typeof loadNodeV86>>): Promise<void> {
  const started = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const packages = options.debs ? fromDebFolder(resolve(options.debs), options.kernel) : fetchWithApt(CACHE_DIR, log, options.kernel);
  for (const deb of packages) log(`package ${deb.name} ${deb.version}`);

  const work = join(CACHE_DIR, 'work');
  rmSync(work, { recursive: true, force: true });
  const roots = new Map<string, string>();
  const [kernel, ...support] = packages;
  for (const deb of options.kernel === 'lab' ? support : packages) {
    const dir = join(work, deb.name);
    extractDeb(deb.path, dir);
    roots.set(deb.name, dir);
  }
  let kernelSeconds: number | undefined;
  if (options.kernel === 'lab') {
    const lab = await labKernel({ cacheDir: CACHE_DIR, fragmentPath: LAB_KERNEL_CONFIG, source: kernel, log });
    roots.set(kernel.name, lab.root);
    kernelSeconds = lab.buildSeconds;
  }
  const kernelRoot = roots.get(kernel.name)!;
  const kernelRelease = readdirSync(join(kernelRoot, 'lib/modules'))[0];
  const bzimagePath = join(kernelRoot, 'boot', `vmlinuz-${kernelRelease}`);
  const biosPath = join(roots.get('seabios')!, 'usr/share/seabios/bios.bin');

  const plan = planInitramfs({
    packageRoots: roots,
    kernelRoot,
    kernelRelease,
    guestDir: GUEST_RECIPE,
    modules: parseModuleList(readFileSync(join(GUEST_RECIPE, 'modules.txt'), 'utf8')),
  });
  const cpio = writeNewcArchive(plan.entries);
  const initrd = new Uint8Array(gzipSync(cpio, { level: 9 }));
  log(`initramfs: ${plan.entries.length} entries, ${(cpio.length / 1e6).toFixed(1)} MB → ${(initrd.length / 1e6).toFixed(1)} MB gzip; modules: ${plan.modules.join(' ')}`);

  const bzimage = new Uint8Array(readFileSync(bzimagePath));
  const bios = new Uint8Array(readFileSync(biosPath));
  const asBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

  log(`cold boot of ${kernelRelease} in v86 ${v86.version} …`);
  const bootStart = Date.now();
  const vm = await LabVM.start({
    V86: v86.V86,
    wasm: { path: v86.wasmPath },
    machine: LAB_MACHINE,
    bios: { buffer: asBuffer(bios) },
    bzimage: { buffer: asBuffer(bzimage) },
    initrd: { buffer: asBuffer(initrd) },
    bootTimeoutMs: 150_000,
  }).catch((error: unknown) => {
    throw new Error(`the guest did not reach a shell prompt: ${error instanceof Error ? error.message : String(error)}`);
  });
  const coldBootSeconds = (Date.now() - bootStart) / 1000;
  log(`prompt after ${coldBootSeconds.toFixed(1)} s`);
  const check = await vm.run('uname -r; cat /proc/filesystems | grep -c 9p; ls /mnt/host/.lab >/dev/null && echo share-ok');
  if (check.status !== 0 || !check.output.includes(kernelRelease) || !check.output.includes('share-ok')) {
    await vm.destroy();
    throw new Error(`the booted guest failed its check (status ${check.status}):\n${check.output}\nconsole:\n${vm.consoleText.slice(-3000)}`);
  }
  const prepared = await vm.run('lab-prepare-snapshot', { timeoutMs: 60_000 });
  if (prepared.status !== 0) log(`lab-prepare-snapshot exited with ${prepared.status}: ${prepared.output.trim()}`);
  await new Promise((done) => setTimeout(done, 1000));
  await vm.pause();
  const raw = new Uint8Array(await vm.saveState());
  await vm.destroy();
  log(`state: ${(raw.length / 1e6).toFixed(1)} MB raw; compressing with zstd -19 …`);
  const state = compressZstd(raw);
  log(`state: ${(state.length / 1e6).toFixed(1)} MB compressed`);

  // Prove the state restores and answers before publishing it.
  const restoreStart = Date.now();
  const restored = await LabVM.start({
    V86: v86.V86,
    wasm: { path: v86.wasmPath },
    machine: LAB_MACHINE,
    bios: { buffer: asBuffer(bios) },
    state: asBuffer(state),
    onStatus: (status) => log(wordMessage(guestStatusWordings, status, 'en')),
  });
  const answer = await restored.run('uname -r', { timeoutMs: 20_000 });
  const restoreSeconds = (Date.now() - restoreStart) / 1000;
  const restoredMode = restored.mode;
  await restored.destroy();
  if (restoredMode !== 'restored' || answer.output.trim() !== kernelRelease) {
    throw new Error(`the saved state did not restore (mode ${restoredMode}, answer ${JSON.stringify(answer.output)})`);
  }
  log(`restored state answered \`uname -r\` in ${restoreSeconds.toFixed(2)} s`);

  // Publish: write to a fresh folder, then swap it in.
  const staging = OUT_DIR + '.new';
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'licenses'), { recursive: true });
  const publish = (name: string, bytes: Uint8Array): GuestFile => {
    writeFileSync(join(staging, name), bytes);
    return { name, bytes: bytes.length, sha256: sha256(bytes) };
  };
  const files = {
    state: { ...publish(GUEST_FILE_NAMES.state, state), rawBytes: raw.length },
    bios: publish(GUEST_FILE_NAMES.bios, bios),
    bzimage: publish(GUEST_FILE_NAMES.bzimage, bzimage),
    initrd: publish(GUEST_FILE_NAMES.initrd, initrd),
  };
  for (const deb of packages) {
    const copyright = join(roots.get(deb.name)!, 'usr/share/doc', deb.name, 'copyright');
    if (existsSync(copyright)) copyFileSync(copyright, join(staging, 'licenses', `${deb.name}.copyright`));
  }
  if (options.kernel === 'lab') {
    copyFileSync(join(kernelRoot, 'boot', `config-${kernelRelease}`), join(staging, 'kernel.config'));
    execFileSync('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -xO ./usr/share/doc/linux-source-6.1/copyright > "$2"', 'sh', kernel.path, join(staging, 'licenses', `${kernel.name}.copyright`)]);
  }
  writeFileSync(join(staging, 'NOTICE'), writeNotice(packages, v86.version, options.kernel));
  const manifest: GuestManifest = {
    format: 1,
    v86Version: v86.version,
    recipeHash: recipeHash(v86.version, options.kernel),
    kernel: options.kernel,
    ...(kernelSeconds !== undefined ? { kernelBuildSeconds: kernelSeconds } : {}),
    builtAt: new Date().toISOString(),
    kernelRelease,
    packages: packages.map(({ name, version, sha256: hash, file }) => ({ name, version, sha256: hash, file })),
    machine: LAB_MACHINE,
    shareMountPoint: SHARE_MOUNT_POINT,
    files,
    coldBootSeconds: Number(coldBootSeconds.toFixed(2)),
    buildSeconds: Number(((Date.now() - started) / 1000).toFixed(1)),
  };
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(OUT_DIR, { recursive: true, force: true });
  renameSync(staging, OUT_DIR);
  if (!options.keepWork) rmSync(work, { recursive: true, force: true });
  log(`wrote public/guest/ in ${manifest.buildSeconds} s`);
}

function copyV86Wasm(buildDir: string): void {
  mkdirSync(V86_OUT_DIR, { recursive: true });
  for (const wasm of ['v86.wasm', 'v86-fallback.wasm']) {
    const target = join(V86_OUT_DIR, wasm);
    const source = join(buildDir, wasm);
    if (!existsSync(target) || statSync(target).size !== statSync(source).size) copyFileSync(source, target);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const v86 = await loadNodeV86();
  copyV86Wasm(v86.buildDir);
  if (args.ifStale) {
    const reason = staleReason(v86.version, args.kernel);
    if (reason === null) {
      log('public/guest is up to date');
      return;
    }
    log(`rebuilding: ${reason}`);
  }
  await build(args, v86);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[guest] build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
