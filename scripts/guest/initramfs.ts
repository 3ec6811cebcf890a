/**
 * Assembles the lab guest's initramfs from the extracted Debian packages and the recipe in
 * guest/: BusyBox, iproute2's ip/bridge, bridge-utils' brctl and util-linux's unshare/nsenter with their libraries, the kernel modules (with their
 * dependencies and a modules.dep for BusyBox's modprobe), guest/rootfs/ copied verbatim and
 * guest/otherroot/ as the second root filesystem at /srv/otherroot.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CpioEntry } from './cpio.ts';
import { normaliseModuleName, readModuleInfo } from './modinfo.ts';

export type ModuleRequest = { name: string; when: 'boot' | 'ship' };

/** Parses guest/modules.txt: "name when # comment" lines. */
export function parseModuleList(text: string): ModuleRequest[] {
  const out: ModuleRequest[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const [name, when = 'boot'] = line.split(/\s+/);
    if (when !== 'boot' && when !== 'ship') throw new Error(`guest/modules.txt:${index + 1}: "${when}" should be boot or ship`);
    out.push({ name, when });
  });
  return out;
}

/** Files from the extracted packages that go into the image, by their path in the guest. */
const SHARED_LIBRARIES = [
  'lib/i386-linux-gnu/libc.so.6',
  'lib/i386-linux-gnu/libresolv.so.2',
  'lib/i386-linux-gnu/libbpf.so.1',
  'lib/i386-linux-gnu/libelf.so.1',
  'lib/i386-linux-gnu/libz.so.1',
  'lib/i386-linux-gnu/libmnl.so.0',
  'lib/i386-linux-gnu/libbsd.so.0',
  'lib/i386-linux-gnu/libmd.so.0',
  'lib/i386-linux-gnu/libcap.so.2',
  'lib/i386-linux-gnu/libselinux.so.1',
  'lib/i386-linux-gnu/libpcre2-8.so.0',
];

const LIBRARY_PACKAGES = ['libc6', 'libbpf1', 'libelf1', 'zlib1g', 'libmnl0', 'libbsd0', 'libmd0', 'libcap2', 'libselinux1', 'libpcre2-8-0'];

const DIRECTORIES = [
  'bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'usr/local', 'usr/local/bin', 'usr/local/sbin', 'lib', 'lib/i386-linux-gnu',
  'etc', 'proc', 'sys', 'dev', 'tmp', 'run', 'mnt', 'mnt/host', 'root', 'newroot', 'srv', 'var', 'var/run', 'home',
];

const OTHERROOT_DIRECTORIES = ['bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'lib', 'lib/i386-linux-gnu', 'etc', 'proc', 'sys', 'dev', 'tmp', 'root', 'mnt', 'old'];

/** Finds a file below the extracted roots of the given packages (following usrmerge-style symlinks). */
function findPackageFile(roots: ReadonlyMap<string, string>, packages: string[], path: string): string {
  for (const name of packages) {
    const root = roots.get(name);
    if (!root) throw new Error(`package ${name} was not extracted`);
    for (const candidate of [path, 'usr/' + path]) {
      const full = join(root, candidate);
      if (existsSync(full)) return realpathSync(full);
    }
  }
  throw new Error(`${packages.join(', ')} do not provide /${path}`);
}

function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      out.push(full);
      if (lstatSync(full).isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

export type InitramfsInputs = {
  /** Extracted package roots by package name. */
  packageRoots: ReadonlyMap<string, string>;
  kernelRoot: string;
  kernelRelease: string;
  guestDir: string;
  modules: ModuleRequest[];
};

export type InitramfsPlan = { entries: CpioEntry[]; modules: string[] };

export function planInitramfs(inputs: InitramfsInputs): InitramfsPlan {
  const entries: CpioEntry[] = [];
  const dirs = new Set<string>();
  const addDir = (path: string, mode = 0o755) => {
    const parts = path.split('/');
    for (let index = 1; index <= parts.length; index++) {
      const prefix = parts.slice(0, index).join('/');
      if (!dirs.has(prefix)) {
        dirs.add(prefix);
        entries.push({ kind: 'dir', path: prefix, mode: prefix === 'tmp' ? 0o1777 : mode });
      }
    }
  };
  const addFile = (path: string, data: Uint8Array, mode: number) => {
    const parent = path.split('/').slice(0, -1).join('/');
    if (parent) addDir(parent);
    entries.push({ kind: 'file', path, data, mode });
  };
  for (const dir of DIRECTORIES) addDir(dir);
  entries.push({ kind: 'chardev', path: 'dev/console', mode: 0o600, major: 5, minor: 1 });
  entries.push({ kind: 'chardev', path: 'dev/null', mode: 0o666, major: 1, minor: 3 });

  const roots = inputs.packageRoots;
  // BusyBox: the dynamically linked build, whose shell looks commands up in PATH (the static
  // build's shell always prefers its own applets, which would hide iproute2's ip and brctl).
  // /sbin/init and /bin/sh point at it; rcS installs the other applet links.
  addFile('bin/busybox', readFileSync(findPackageFile(roots, ['busybox'], 'bin/busybox')), 0o755);
  entries.push({ kind: 'symlink', path: 'bin/sh', target: 'busybox' });
  entries.push({ kind: 'symlink', path: 'sbin/init', target: '../bin/busybox' });

  // iproute2's ip and bridge and bridge-utils' brctl replace BusyBox's smaller applets
  // (rcS removes the applet links of the same names).
  addFile('sbin/ip', readFileSync(findPackageFile(roots, ['iproute2'], 'bin/ip')), 0o755);
  addFile('sbin/bridge', readFileSync(findPackageFile(roots, ['iproute2'], 'sbin/bridge')), 0o755);
  addFile('sbin/brctl', readFileSync(findPackageFile(roots, ['bridge-utils'], 'sbin/brctl')), 0o755);
  // util-linux's unshare and nsenter, where BusyBox would put its own links (`busybox --install`
  // leaves existing files alone): BusyBox's versions crash when the child of `unshare --fork` or
  // `nsenter -p` exits. Only these two of util-linux's programs are shipped.
  for (const program of ['unshare', 'nsenter']) {
    addFile(`usr/bin/${program}`, readFileSync(findPackageFile(roots, ['util-linux'], `usr/bin/${program}`)), 0o755);
  }
  addFile('lib/ld-linux.so.2', readFileSync(findPackageFile(roots, ['libc6'], 'lib/ld-linux.so.2')), 0o755);
  for (const library of SHARED_LIBRARIES) addFile(library, readFileSync(findPackageFile(roots, LIBRARY_PACKAGES, library)), 0o755);

  // Kernel modules: the requested ones and everything they depend on.
  const moduleRoot = join(inputs.kernelRoot, 'lib/modules', inputs.kernelRelease);
  const byName = new Map<string, string>();
  for (const full of listTree(join(moduleRoot, 'kernel'))) {
    if (full.endsWith('.ko')) byName.set(normaliseModuleName(full.slice(full.lastIndexOf('/') + 1, -3)), full);
  }
  const included = new Map<string, { path: string; depends: string[] }>();
  const include = (name: string) => {
    const key = normaliseModuleName(name);
    if (included.has(key)) return;
    const full = byName.get(key);
    if (!full) throw new Error(`module ${name} is not in ${inputs.kernelRelease} (built in, or misspelt in guest/modules.txt?)`);
    const info = readModuleInfo(readFileSync(full));
    included.set(key, { path: relative(moduleRoot, full), depends: info.depends });
    info.depends.forEach(include);
  };
  inputs.modules.forEach((module) => include(module.name));
  const modulesDep: string[] = [];
  const ordered = [...included.keys()].sort();
  for (const key of ordered) {
    const module = included.get(key)!;
    const guestPath = `lib/modules/${inputs.kernelRelease}/${module.path}`;
    addFile(guestPath, readFileSync(join(moduleRoot, module.path)), 0o644);
    // modules.dep lists every (transitive) dependency; modprobe loads them from the last one
    // back, so a module's own dependencies must come after it.
    const loadOrder: string[] = [];
    const visit = (name: string) => {
      for (const dep of included.get(normaliseModuleName(name))!.depends) {
        const path = included.get(normaliseModuleName(dep))!.path;
        if (loadOrder.includes(path)) continue;
        visit(dep);
        loadOrder.push(path);
      }
    };
    visit(key);
    const closure = loadOrder.reverse();
    modulesDep.push(`${module.path}:${closure.map((path) => ' ' + path).join('')}`);
  }
  const encoder = new TextEncoder();
  const moduleDir = `lib/modules/${inputs.kernelRelease}`;
  addFile(`${moduleDir}/modules.dep`, encoder.encode(modulesDep.join('\n') + '\n'), 0o644);
  for (const extra of ['modules.alias', 'modules.symbols']) addFile(`${moduleDir}/${extra}`, new Uint8Array(0), 0o644);
  for (const extra of ['modules.builtin', 'modules.order']) {
    const full = join(moduleRoot, extra);
    if (existsSync(full)) addFile(`${moduleDir}/${extra}`, readFileSync(full), 0o644);
  }
  addFile('etc/lab/modules', encoder.encode(inputs.modules.map((module) => `${module.name} ${module.when}`).join('\n') + '\n'), 0o644);

  // The recipe's files, verbatim (executable bits kept).
  const copyTree = (sourceDir: string, targetPrefix: string) => {
    for (const full of listTree(sourceDir)) {
      const path = targetPrefix + relative(sourceDir, full);
      const stat = lstatSync(full);
      if (stat.isDirectory()) addDir(path);
      else if (stat.isSymbolicLink()) entries.push({ kind: 'symlink', path, target: readlinkSync(full) });
      else addFile(path, readFileSync(full), stat.mode & 0o111 ? 0o755 : 0o644);
    }
  };
  copyTree(join(inputs.guestDir, 'rootfs'), '');

  // The second root filesystem (chapter 6): an /etc that says something else; rcS hard-links
  // BusyBox and the C library into it.
  for (const dir of OTHERROOT_DIRECTORIES) addDir(`srv/otherroot/${dir}`);
  entries.push({ kind: 'symlink', path: 'srv/otherroot/bin/sh', target: 'busybox' });
  copyTree(join(inputs.guestDir, 'otherroot'), 'srv/otherroot/');

  return { entries, modules: ordered };
}

/** Size in bytes of a file, or 0 if missing. */
export function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}
