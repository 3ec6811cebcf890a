/**
 * Fetches the lab guest's Debian bookworm i386 packages with apt-get (private lists and
 * cache: the system's apt configuration is not touched), or takes them from a folder of
 * already-downloaded .deb files, and extracts them with dpkg-deb.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Packages besides the kernel. busybox is the userland: the dynamically linked build, because
 * busybox-static's shell runs its own applets before anything in PATH; iproute2's `ip` (with its libraries) gives
 * `ip -d link`, veth peers and `ip netns`; bridge-utils gives `brctl show`; util-linux gives `unshare`
 * and `nsenter` (BusyBox's crash with "Segmentation fault" when the child of `unshare --fork` or
 * `nsenter -p` exits), nsenter needing libselinux1 and its libpcre2-8-0.
 */
export const SUPPORT_PACKAGES = [
  'busybox',
  'bridge-utils',
  'seabios',
  'iproute2',
  'libc6',
  'libbpf1',
  'libelf1',
  'zlib1g',
  'libmnl0',
  'libbsd0',
  'libmd0',
  'libcap2',
  'util-linux',
  'libselinux1',
  'libpcre2-8-0',
] as const;

export const KERNEL_METAPACKAGE = 'linux-image-686';

/**
 * Which kernel the guest runs: Debian's linux-image-*-686 as shipped, or the lab kernel compiled
 * from linux-source-6.1 (scripts/guest/lab-kernel.ts); the first package returned is the kernel's.
 */
export type KernelChoice = 'debian' | 'lab';
export const LAB_KERNEL_SOURCE_PACKAGE = 'linux-source-6.1';

export type FetchedPackage = { name: string; version: string; sha256: string; file: string; path: string };

function aptOptions(cacheDir: string): string[] {
  return [
    '-oAPT::Architecture=i386',
    '-oAPT::Architectures=i386',
    `-oDir::State::Lists=${join(cacheDir, 'apt-lists')}`,
    `-oDir::Cache=${join(cacheDir, 'apt-cache')}`,
    '-oDir::State::status=/dev/null',
    '-oDebug::NoLocking=1',
  ];
}

function debField(debPath: string, field: string): string {
  return execFileSync('dpkg-deb', ['-f', debPath, field], { encoding: 'utf8' }).trim();
}

function describe(debPath: string, file: string): FetchedPackage {
  return {
    name: debField(debPath, 'Package'),
    version: debField(debPath, 'Version'),
    sha256: createHash('sha256').update(readFileSync(debPath)).digest('hex'),
    file,
    path: debPath,
  };
}

/** Downloads the packages into `<cacheDir>/debs` (reusing files already there) and describes them. */
export function fetchWithApt(cacheDir: string, log: (line: string) => void, kernel: KernelChoice = 'debian'): FetchedPackage[] {
  const options = aptOptions(cacheDir);
  for (const dir of ['apt-lists/partial', 'apt-cache/archives/partial', 'debs']) mkdirSync(join(cacheDir, dir), { recursive: true });
  log('apt-get update (i386, private lists)');
  const update = spawnSync('apt-get', [...options, '-q', 'update'], { encoding: 'utf8' });
  if (update.status !== 0) {
    // One mirror being mid-sync is common; the main archive is enough for these packages.
    log(`apt-get update reported problems (exit ${update.status}); continuing with the lists it got`);
  }
  let kernelPackage = LAB_KERNEL_SOURCE_PACKAGE;
  if (kernel === 'debian') {
    const show = spawnSync('apt-cache', [...options, 'show', KERNEL_METAPACKAGE], { encoding: 'utf8' });
    if (show.status !== 0) throw new Error(`apt-cache show ${KERNEL_METAPACKAGE} failed: ${show.stderr.trim()}`);
    const depends = /^Depends: (linux-image-[\w.-]+-686)\b/m.exec(show.stdout);
    if (!depends) throw new Error(`cannot find the kernel package ${KERNEL_METAPACKAGE} depends on`);
    kernelPackage = depends[1];
  }
  const names = [kernelPackage, ...SUPPORT_PACKAGES];
  const debDir = join(cacheDir, 'debs');
  // Drop stale downloads so the folder holds exactly one version of each package.
  for (const file of readdirSync(debDir)) {
    if (file.startsWith('linux-image-') && !file.startsWith(kernelPackage + '_')) rmSync(join(debDir, file));
  }
  log(`apt-get download ${names.join(' ')}`);
  const download = spawnSync('apt-get', [...options, '-q', 'download', ...names], { cwd: debDir, encoding: 'utf8' });
  if (download.status !== 0) throw new Error(`apt-get download failed: ${download.stderr.trim()}`);
  return fromDebFolder(debDir, kernel, kernel === 'debian' ? kernelPackage : undefined);
}

/** Describes the needed packages found in a folder of .deb files (newest version of each). */
export function fromDebFolder(dir: string, kernel: KernelChoice = 'debian', kernelPackage?: string): FetchedPackage[] {
  if (!existsSync(dir)) throw new Error(`${dir}: no such folder of .deb files`);
  const all = readdirSync(dir)
    .filter((file) => file.endsWith('.deb'))
    .map((file) => describe(join(dir, file), file));
  const pick = (name: string) => {
    const matches = all.filter((pkg) => pkg.name === name);
    if (matches.length === 0) throw new Error(`${dir} has no ${name} .deb`);
    return matches.sort((a, b) => compareVersions(b.version, a.version))[0];
  };
  if (kernel === 'lab') return [pick(LAB_KERNEL_SOURCE_PACKAGE), ...SUPPORT_PACKAGES.map(pick)];
  const kernels = all.filter((pkg) => (kernelPackage ? pkg.name === kernelPackage : /^linux-image-[\d.]+-\d+-686$/.test(pkg.name)));
  if (kernels.length === 0) throw new Error(`${dir} has no linux-image-*-686 .deb`);
  const newest = kernels.sort((a, b) => compareVersions(b.version, a.version))[0];
  return [newest, ...SUPPORT_PACKAGES.map(pick)];
}

function compareVersions(a: string, b: string): number {
  const result = spawnSync('dpkg', ['--compare-versions', a, 'gt', b]);
  if (result.status === 0) return 1;
  return a === b ? 0 : -1;
}

/** Extracts a .deb's files into `dir` (dpkg-deb, or ar + tar where dpkg-deb is missing). */
export function extractDeb(debPath: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const dpkg = spawnSync('dpkg-deb', ['-x', debPath, dir]);
  if (dpkg.status === 0) return;
  const members = execFileSync('ar', ['t', debPath], { encoding: 'utf8' }).split('\n');
  const data = members.find((member) => member.startsWith('data.tar'));
  if (!data) throw new Error(`${debPath}: no data.tar member`);
  const flag = data.endsWith('.xz') ? '-J' : data.endsWith('.zst') ? '--zstd' : data.endsWith('.gz') ? '-z' : '';
  execFileSync('sh', ['-c', `ar p "$1" "$2" | tar -x ${flag} -f - -C "$3"`, 'sh', debPath, data, dir]);
}
