/**
 * The lab kernel: Debian's linux-source-6.1 (the same 6.1 tree as linux-image-*-686), configured
 * from `make ARCH=i386 tinyconfig` plus guest/kernel/lab.config, built once and cached by the
 * hash of the source package, the configuration fragment and the compiler.
 *
 * Layout under <cache>/lab-kernel/:
 *   source-<version>/      the unpacked source tree (kept: a changed fragment rebuilds only what it touches)
 *   build/                 the kbuild output folder (O=), reused between configurations
 *   <hash>/boot/vmlinuz-<release>, <hash>/lib/modules/<release>/…   the result, shaped like an
 *                          unpacked linux-image .deb so the initramfs step treats both kernels alike
 *   <hash>/build.json      release, build time, source package
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { FetchedPackage } from './debian-packages.ts';

export type LabKernel = {
  /** Folder with boot/vmlinuz-<release> and lib/modules/<release>/. */
  root: string;
  release: string;
  source: FetchedPackage;
  /** Seconds the compile took when it was built (0 for an older cache without the figure). */
  buildSeconds: number;
  fromCache: boolean;
};

/** `CONFIG_X=y` / `# CONFIG_X is not set` lines of a fragment, as symbol → value ('n' for unset). */
export function parseConfigFragment(text: string): Map<string, string> {
  const symbols = new Map<string, string>();
  text.split('\n').forEach((line, index) => {
    const set = /^(CONFIG_[A-Z0-9_]+)=(.*)$/.exec(line.trim());
    const unset = /^# (CONFIG_[A-Z0-9_]+) is not set$/.exec(line.trim());
    if (set) symbols.set(set[1], set[2]);
    else if (unset) symbols.set(unset[1], 'n');
    else if (line.trim() !== '' && !line.trim().startsWith('#')) {
      throw new Error(`kernel config fragment line ${index + 1}: "${line}" is neither CONFIG_X=value nor a comment`);
    }
  });
  return symbols;
}

/** The fragment's symbols whose value the final .config does not have (Kconfig dropped them: a missing dependency). */
export function unmetSymbols(fragment: Map<string, string>, finalConfig: string): string[] {
  const final = parseConfigFragment(finalConfig.split('\n').filter((line) => /^(CONFIG_|# CONFIG_\w+ is not set)/.test(line)).join('\n'));
  return [...fragment].filter(([symbol, value]) => (final.get(symbol) ?? 'n') !== value).map(([symbol, value]) => `${symbol}=${value} (got ${final.get(symbol) ?? 'n'})`);
}

function compilerVersion(): string {
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (gcc.status !== 0) throw new Error('the lab kernel needs gcc, make, flex, bison and bc (apt-get install build-essential flex bison bc)');
  return gcc.stdout.split('\n')[0];
}

function checkTools(): void {
  const missing = ['make', 'flex', 'bison', 'bc', 'perl'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) throw new Error(`the lab kernel needs ${missing.join(', ')} on this machine (apt-get install build-essential flex bison bc)`);
}

async function run(command: string, args: string[], options: { cwd: string; logFile: string }): Promise<void> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  await new Promise<void>((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', fail);
    child.on('close', (code) => {
      log.end();
      if (code === 0) done();
      else {
        const tail = existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
        fail(new Error(`${command} ${args.join(' ')} exited with ${code}; the end of ${options.logFile}:\n${tail}`));
      }
    });
  });
}

/** The lab kernel for `fragmentPath` compiled from the linux-source-6.1 .deb `source`, from the cache or built now. */
export async function labKernel(options: {
  cacheDir: string;
  fragmentPath: string;
  source: FetchedPackage;
  log: (line: string) => void;
}): Promise<LabKernel> {
  const base = join(options.cacheDir, 'lab-kernel');
  mkdirSync(base, { recursive: true });
  const source = options.source;
  const fragmentText = readFileSync(options.fragmentPath, 'utf8');
  const fragment = parseConfigFragment(fragmentText);
  const compiler = compilerVersion();
  const hash = createHash('sha256').update(`${source.sha256}\n${compiler}\n${fragmentText}`).digest('hex').slice(0, 16);
  const out = join(base, hash);
  if (existsSync(join(out, 'build.json'))) {
    const recorded = JSON.parse(readFileSync(join(out, 'build.json'), 'utf8')) as { release: string; buildSeconds?: number };
    options.log(`lab kernel ${recorded.release} from the cache (${hash})`);
    return { root: out, release: recorded.release, source, buildSeconds: recorded.buildSeconds ?? 0, fromCache: true };
  }
  checkTools();
  const started = Date.now();
  const tree = join(base, `source-${source.version}`);
  if (!existsSync(join(tree, 'Makefile'))) {
    options.log(`unpacking ${source.file} …`);
    const partial = tree + '.partial';
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    execFileSync('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -xO ./usr/src/linux-source-6.1.tar.xz | tar -xJ -C "$2"', 'sh', source.path, partial]);
    const unpacked = readdirSync(partial).find((name) => name.startsWith('linux-source'));
    if (!unpacked) throw new Error(`${source.file} held no linux-source tree`);
    renameSync(join(partial, unpacked), tree);
    rmSync(partial, { recursive: true, force: true });
  }
  const build = join(base, 'build');
  mkdirSync(build, { recursive: true });
  const logFile = join(base, 'build.log');
  writeFileSync(logFile, '');
  const make = (...args: string[]) => run('nice', ['-n', '10', 'make', 'ARCH=i386', `O=${build}`, ...args], { cwd: tree, logFile });
  await make('tinyconfig');
  await run('scripts/kconfig/merge_config.sh', ['-m', '-O', build, join(build, '.config'), options.fragmentPath], { cwd: tree, logFile });
  await make('olddefconfig');
  const unmet = unmetSymbols(fragment, readFileSync(join(build, '.config'), 'utf8'));
  if (unmet.length > 0) throw new Error(`${options.fragmentPath}: Kconfig did not keep ${unmet.join(', ')} (a dependency is missing from the fragment)`);
  const jobs = String(Math.max(1, cpus().length));
  options.log(`compiling the lab kernel (make -j${jobs}, log in ${logFile}) …`);
  await make(`-j${jobs}`, 'bzImage', 'modules');
  const release = execFileSync('make', ['-s', 'ARCH=i386', `O=${build}`, 'kernelrelease'], { cwd: tree, encoding: 'utf8' }).trim();
  const staging = out + '.partial';
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'boot'), { recursive: true });
  await make('modules_install', `INSTALL_MOD_PATH=${staging}`, 'INSTALL_MOD_STRIP=1', 'DEPMOD=/bin/true');
  copyFileSync(join(build, 'arch/x86/boot/bzImage'), join(staging, 'boot', `vmlinuz-${release}`));
  copyFileSync(join(build, '.config'), join(staging, 'boot', `config-${release}`));
  const buildSeconds = Number(((Date.now() - started) / 1000).toFixed(1));
  writeFileSync(join(staging, 'build.json'), JSON.stringify({ release, buildSeconds, source: source.file, compiler }, null, 2) + '\n');
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  options.log(`lab kernel ${release} built in ${buildSeconds} s`);
  return { root: out, release, source, buildSeconds, fromCache: false };
}
