/**
 * The lab VM page in Chromium: Power on → prompt → a typed command; Reset; Save → reload →
 * Resume; a <RunInVM> button; and the faults (files missing, a failed download, a state that
 * does not fit) each show their message.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';
import type { GuestManifest } from '../../lib/guest/manifest.ts';
import { builtGuest } from '../../components/vm/builtGuest.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const terminalText = (page: Page) => page.locator('.labvm .xterm-rows').innerText();
/** How many shell prompts the terminal shows. */
const promptCount = (text: string) => text.split('root@lab:~#').length - 1;

async function powerOn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Power on' }).click();
  await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
  // The restore ends with a fresh prompt; wait for it before typing.
  await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
}

async function type(page: Page, line: string): Promise<void> {
  await page.locator('.labvm .xterm-helper-textarea').focus();
  await page.keyboard.type(line + '\n');
}

describe('the lab VM terminal', () => {
  test('nothing of v86 loads before Power on', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.waitForTimeout(500);
    expect(requested.filter((url) => /v86|guest\/|xterm/.test(url) && !url.endsWith('.css'))).toEqual([]);
    expect(await page.locator('.labvm-status').innerText()).toContain('The lab VM is off');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Power on gives a shell that runs a typed command', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/', { theme: 'dark', width: 390 });
    await powerOn(page);
    await type(page, 'echo $((6 * 7)) $(uname -m)');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('42 i686');
    await expect.poll(() => page.locator('.labvm-status').innerText()).toMatch(/million instructions\/s · up/);
    expect(await seriousAccessibilityViolations(page, { exclude: ['.xterm'] })).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Reset goes back to the snapshot', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/');
    await powerOn(page);
    await type(page, 'touch /root/made-by-reader && echo made-$((1+1))');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('made-2');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).not.toContain('made-2');
    await page.waitForTimeout(1000);
    await type(page, 'ls /root/made-by-reader 2>/dev/null || echo gone-$((2+2))');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('gone-4');
    expect(errors).toEqual([]);
  });

  test('Reset while the old machine still prints: the published machine’s prompt at the top of a clean screen', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/');
    await powerOn(page);
    await type(page, 'while :; do echo tick-$((2 * 3)); done');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('tick-6');
    const reset = page.getByRole('button', { name: 'Reset' });
    await reset.click();
    await expect.poll(() => reset.isEnabled(), { timeout: 60_000 }).toBe(true);
    await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
    const screen = await terminalText(page);
    expect(screen).not.toContain('tick-6');
    expect(screen.startsWith('root@lab:~#'), JSON.stringify(screen.slice(0, 80))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('Save, reload, Resume keeps the reader’s file', async () => {
    const { page, context, errors } = await openPage(browser, '/lab-vm/');
    await powerOn(page);
    await type(page, 'echo kept > /root/saved.txt && echo wrote-$((3+3))');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('wrote-6');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.labvm-status').innerText(), { timeout: 60_000 }).toContain('Saved at');
    // The state is kept gzip-compressed in IndexedDB.
    const stored = await page.evaluate(
      () =>
        new Promise<{ encoding?: string; bytes: number; rawBytes?: number }>((resolve, reject) => {
          const request = indexedDB.open('hov-lab-vm');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction('machines').objectStore('machines').get('saved');
            get.onerror = () => reject(get.error);
            get.onsuccess = () => {
              const record = get.result as { encoding?: string; state: ArrayBuffer; rawBytes?: number };
              resolve({ encoding: record.encoding, bytes: record.state.byteLength, rawBytes: record.rawBytes });
              request.result.close();
            };
          };
        }),
    );
    expect(stored.encoding).toBe('gzip');
    expect(stored.bytes).toBeLessThan((stored.rawBytes ?? 0) / 2);
    await page.reload();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
    await page.waitForTimeout(1000);
    await type(page, 'cat /root/saved.txt');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/cat \/root\/saved\.txt\s+kept/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Resume into the running machine keeps the earlier output on screen, with the saved machine’s prompt below it; a Reset after it speaks only of the published machine', async () => {
    const { page, context, errors } = await openPage(browser, '/lab-vm/');
    await powerOn(page);
    await type(page, 'echo saved-$((9 * 9)) > /root/resumed.txt; echo marker-$((4 * 4))');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('marker-16');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.labvm-status').innerText(), { timeout: 60_000 }).toContain('Saved at');
    await type(page, 'rm /root/resumed.txt; echo after-$((5 * 5))');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('after-25');
    // Typed, never sent: the machine it was typed into goes, but the words stay on screen.
    await page.keyboard.type('echo not-sent');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('echo not-sent');
    const promptsBefore = promptCount(await terminalText(page));
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.locator('.labvm-status').innerText(), { timeout: 60_000 }).toContain('Resumed the machine saved');
    // The restored machine's prompt comes on a line of its own, below what was there.
    await expect.poll(async () => promptCount(await terminalText(page)), { timeout: 30_000 }).toBeGreaterThan(promptsBefore);
    await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
    const screen = await terminalText(page);
    expect(screen).toContain('marker-16');
    expect(screen).toContain('after-25');
    expect(screen).toContain('echo not-sent');
    expect(screen.indexOf('echo not-sent')).toBeLessThan(screen.lastIndexOf('root@lab:~#'));
    await page.waitForTimeout(1000);
    await type(page, 'cat /root/resumed.txt');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/cat \/root\/resumed\.txt\s+saved-81/);
    // Reset brings back the published machine: the status line no longer speaks of the resumed one.
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => promptCount(await terminalText(page)), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: 'Reset' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.locator('.labvm-status').innerText()).not.toContain('Resumed the machine saved');
    // The rate is the new machine's, not the difference between two machines' instruction counts.
    const rates: number[] = [];
    for (let sample = 0; sample < 25; sample++) {
      const rate = /([\d.]+) million instructions\/s/.exec(await page.locator('.labvm-status').innerText());
      if (rate) rates.push(Number(rate[1]));
      await page.waitForTimeout(100);
    }
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.filter((rate) => rate >= 1000)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a RunInVM button starts the VM and shows the output and exit status, and no verdict when nothing was asked', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/', { width: 390 });
    const box = page.locator('figure.runinvm').first();
    await page.waitForSelector('astro-island:not([ssr]) .runinvm-run');
    await box.getByRole('button', { name: /Run in the lab VM/ }).click();
    await expect.poll(() => box.locator('.runinvm-output').innerText().catch(() => ''), { timeout: 90_000 }).toContain('i686');
    expect(await box.innerText()).toContain('exit status 0');
    expect(await box.innerText()).not.toMatch(/[✓✗]|You got it/);
    expect(errors).toEqual([]);
  });

  for (const path of ['/lab-vm/', '/containers/', '/kvm-bridge/']) {
    test(`${path} by keyboard only: power on, type a command, leave the terminal with Ctrl+], reach what follows`, async () => {
      const { page, errors } = await openPage(browser, path);
      const powerOnButton = page.getByRole('button', { name: 'Power on' });
      await page.locator('astro-island:not([ssr]) .labvm').waitFor();
      // Tab from the top of the page until Power on has the focus.
      for (let presses = 0; presses < 250 && !(await powerOnButton.evaluate((button) => button === document.activeElement)); presses++) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
      await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
      // The terminal took the focus; the way out is said next to it and announced with it.
      const textarea = page.locator('.labvm .xterm-helper-textarea');
      expect(await textarea.evaluate((element) => element === document.activeElement)).toBe(true);
      const hintId = await textarea.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${hintId}"]`).innerText()).toContain('Ctrl+] leaves the terminal');
      await page.keyboard.type('echo typed-$((5 * 5))\n');
      await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('typed-25');
      await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
      // Tab, Shift+Tab and Esc belong to the shell: the focus stays in the terminal.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Escape');
      // As a person types: BusyBox's line editor reads what follows an Esc within a moment as part of
      // an escape sequence, so an Esc and a Ctrl+C sent in the same instant would lose the Ctrl+C.
      await page.waitForTimeout(300);
      expect(await textarea.evaluate((element) => element === document.activeElement)).toBe(true);
      // (The shell got them: Ctrl+C drops whatever they left on its command line and prints a fresh
      // prompt.) BusyBox drops an escape sequence it does not know (Shift+Tab's ESC [ Z) together with
      // every byte that reaches it within 50 ms of guest time; on a busy machine the guest reads the
      // keys late, so that window can swallow the Ctrl+C too. As a person would, press it again until
      // the fresh prompt shows: only then has the shell read everything typed so far.
      const promptsBefore = promptCount(await terminalText(page));
      for (let presses = 0; presses < 10 && promptCount(await terminalText(page)) === promptsBefore; presses++) {
        await page.keyboard.press('Control+C');
        await expect
          .poll(async () => promptCount(await terminalText(page)), { timeout: 3_000 })
          .toBeGreaterThan(promptsBefore)
          .catch(() => undefined);
      }
      expect(await terminalText(page)).toContain('^C');
      await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
      await page.keyboard.press('Control+BracketRight');
      expect(await textarea.evaluate((element) => element === document.activeElement)).toBe(false);
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return { inLab: Boolean(active?.closest('.labvm')), tabbable: active !== document.body && (active?.tabIndex ?? -1) >= 0 };
      });
      expect(next).toEqual({ inLab: false, tabbable: true });
      // The Ctrl+] reached no shell: the command line is still clean.
      await textarea.focus();
      await page.keyboard.type('echo after-$((6 * 6))\n');
      await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('after-36');
      expect(await terminalText(page)).not.toMatch(/\^\]|\^\[\[\d+;\d+R/);
      expect(errors).toEqual([]);
    });
  }

  test('screen-reader mode is off until asked for, then xterm keeps an accessible copy of the lines', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/');
    await powerOn(page);
    const toggle = page.getByRole('button', { name: 'Screen reader mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.labvm .xterm-accessibility-tree').count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await type(page, 'echo spoken-$((7 * 7))');
    await expect.poll(() => page.locator('.labvm .xterm-accessibility-tree').innerText().catch(() => ''), { timeout: 30_000 }).toContain('spoken-49');
    expect(errors).toEqual([]);
  });
});

describe('what the page says about the machine', () => {
  // What Power on downloads and the status line counts: the snapshot, the BIOS and v86.wasm.
  const downloadMB = Math.round(
    ['dist/guest/state.bin.zst', 'dist/guest/bios.bin', 'dist/v86/v86.wasm'].reduce((sum, path) => sum + statSync(path).size, 0) / 1e6,
  );

  for (const [path, prose, status] of [
    ['/lab-vm/', `about ${downloadMB} MB`, `Power on downloads about ${downloadMB} MB`],
    ['/zh-cn/lab-vm/', `大约 ${downloadMB} MB`, `会下载约 ${downloadMB} MB`],
  ] as const) {
    test(`${path}: the prose and the status line give the download size the files add up to, and the CPU /proc/cpuinfo names`, async () => {
      const { page } = await openPage(browser, path);
      const text = await page.locator('main').innerText();
      expect(text).toContain(prose);
      expect(await page.locator('.labvm-status').innerText()).toContain(status);
      expect(text).toContain('Pentium III (Katmai)');
      expect(text).not.toMatch(/Pentium 4-class|奔腾 4 级别/);
    });
  }

  // One figure, one source: builtGuest (of the files dist/ serves) gives the status line's size and the prose's.
  const builtDownloadMB = builtGuest('dist/guest', 'dist/v86/v86.wasm')?.downloadMegabytes;
  for (const [path, status] of [
    ['/lab-vm/', (mb: number) => `Power on downloads about ${mb} MB`],
    ['/zh-cn/lab-vm/', (mb: number) => `会下载约 ${mb} MB`],
  ] as const) {
    test(`${path}: the status line's download size is builtGuest's, as the page's download figure is`, async () => {
      expect(builtDownloadMB).toBeGreaterThan(0);
      const { page } = await openPage(browser, path);
      await page.locator('astro-island:not([ssr]) .labvm').waitFor();
      expect(await page.locator('.labvm-status').innerText()).toContain(status(builtDownloadMB ?? 0));
      expect(await page.locator('main [data-guest-figure="download"]').allInnerTexts()).toEqual([`${builtDownloadMB} MB`]);
    });
  }

  // The guest's figures come from the built guest (Debian's kernel or the lab kernel), never from the prose.
  const manifest = JSON.parse(readFileSync('dist/guest/manifest.json', 'utf8')) as GuestManifest;
  const megabytes = (path: string) => (statSync(path).size / 1e6).toFixed(1) + ' MB';
  const kernelIsLab = manifest.kernel === 'lab';
  for (const [path, kernelWords, secondsUnit] of [
    ['/lab-vm/', kernelIsLab ? 'The guest on this site runs the lab kernel, ' : 'The guest on this site runs Debian’s kernel, ', ' s'],
    ['/zh-cn/lab-vm/', kernelIsLab ? '本站的客户机运行的是实验内核 ' : '本站的客户机运行的是 Debian 的内核 ', ' 秒'],
  ] as const) {
    test(`${path}: the snapshot, WebAssembly and kernel figures and the kernel named are those of the built guest`, async () => {
      const { page } = await openPage(browser, path);
      const figure = (kind: string) => page.locator(`main [data-guest-figure="${kind}"]`).allInnerTexts();
      expect(await figure('download')).toEqual([`${downloadMB} MB`]);
      expect(await figure('state')).toEqual([megabytes('dist/guest/state.bin.zst')]);
      expect(await figure('wasm')).toEqual([megabytes('dist/v86/v86.wasm')]);
      expect(await figure('kernelImage')).toEqual([megabytes('dist/guest/vmlinuz')]);
      expect(await figure('kernelRelease')).toEqual([manifest.kernelRelease, manifest.kernelRelease]);
      expect(await figure('coldBoot')).toEqual([`${Math.round(manifest.coldBootSeconds)}${secondsUnit}`]);
      const text = await page.locator('main').innerText();
      expect(text).toContain(`${kernelWords}${manifest.kernelRelease}`);
      expect(text).toContain('npm run guest -- --kernel lab');
    });
  }

  test('the lab VM pages type no figure of the guest into their prose (only the offline copy of the book, about 8 MB)', () => {
    for (const file of ['content/docs/lab-vm.mdx', 'content/docs/zh-cn/lab-vm.mdx']) {
      const typedSizes = [...readFileSync(file, 'utf8').matchAll(/\d+(?:\.\d+)?\s*MB/g)].map((match) => match[0]);
      expect(typedSizes, file).toEqual(['8 MB']);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/6\.1\.0-\d+-686|6\.1\.\d+-lab-686/);
    }
  });
});

describe('faults', () => {
  test('guest files missing: the message says how to build them', async () => {
    const { page } = await openPage(browser, '/lab-vm/');
    await page.route('**/guest/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.getByRole('button', { name: 'Power on' }).click();
    const alert = page.locator('.labvm-error');
    await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 30_000 }).toContain('npm run guest');
  });

  test('a failed download offers Retry, which works', async () => {
    const { page } = await openPage(browser, '/lab-vm/');
    let failures = 0;
    await page.route('**/guest/state.bin.zst', (route) => {
      if (failures++ === 0) return route.abort('connectionreset');
      return route.continue();
    });
    await page.getByRole('button', { name: 'Power on' }).click();
    const alert = page.locator('.labvm-error');
    await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 30_000 }).toContain('download');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
  });

  test('v86.wasm answering HTTP 500: the download names the emulator, stops, and Retry works', async () => {
    const { page } = await openPage(browser, '/lab-vm/');
    let wasmRequests = 0;
    await page.route('**/v86/v86.wasm', (route) => (wasmRequests++ === 0 ? route.fulfill({ status: 500, body: 'server error' }) : route.continue()));
    await page.getByRole('button', { name: 'Power on' }).click();
    const alert = page.locator('.labvm-error');
    await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 30_000 }).toContain('Downloading the emulator (v86.wasm) failed: HTTP 500.');
    await page.waitForTimeout(2000);
    expect(wasmRequests).toBe(1);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
  });

  test('a download that never answers names its file while it waits, then gives up and offers Retry', async () => {
    const { page } = await openPage(browser, '/lab-vm/');
    await page.route('**/guest/state.bin.zst', () => {
      // Never answered.
    });
    await page.getByRole('button', { name: 'Power on' }).click();
    await expect.poll(() => page.locator('.labvm-status').innerText(), { timeout: 30_000 }).toContain('Downloading the machine state…');
    const alert = page.locator('.labvm-error');
    await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 60_000 }).toContain(
      'Downloading the machine state stopped: nothing arrived for 20 s.',
    );
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);
  }, 90_000);

  for (const [damage, message] of [
    ['truncated', /The machine state arrived incomplete: \d+ bytes of \d+\. Download it again\./],
    ['corrupted', /The machine state arrived damaged: its SHA-256 checksum is not the one in manifest\.json\. Download it again\./],
  ] as const) {
    test(`a ${damage} state says so, boots nothing, and Download again works`, async () => {
      const { page } = await openPage(browser, '/lab-vm/');
      let damaged = 0;
      await page.route('**/guest/state.bin.zst', async (route) => {
        if (damaged++ > 0) return route.continue();
        const response = await route.fetch();
        const body = Buffer.from(await response.body());
        if (damage === 'corrupted') body[body.length >> 1] ^= 0xff;
        await route.fulfill({ response, body: damage === 'truncated' ? body.subarray(0, body.length >> 1) : body });
      });
      const kernelRequests: string[] = [];
      page.on('request', (request) => {
        if (/guest\/(vmlinuz|initrd)/.test(request.url())) kernelRequests.push(request.url());
      });
      await page.getByRole('button', { name: 'Power on' }).click();
      const alert = page.locator('.labvm-error');
      await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 60_000 }).toMatch(message);
      expect(kernelRequests).toEqual([]);
      expect(await page.locator('.labvm-status').innerText()).not.toContain('does not fit');
      await alert.getByRole('button', { name: 'Download again' }).click();
      await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
      expect(kernelRequests).toEqual([]);
    }, 150_000);
  }

  test('a state that does not fit this v86 (intact, but from another emulator): cold boot with the boot log visible', async () => {
    const { page } = await openPage(browser, '/lab-vm/');
    const foreignState = Buffer.from('a state saved by another v86, as manifest.json describes it');
    await page.route('**/guest/manifest.json', async (route) => {
      const response = await route.fetch();
      const manifest = await response.json();
      manifest.files.state.bytes = foreignState.length;
      manifest.files.state.sha256 = createHash('sha256').update(foreignState).digest('hex');
      await route.fulfill({ response, json: manifest });
    });
    await page.route('**/guest/state.bin.zst', (route) => route.fulfill({ status: 200, body: foreignState }));
    await page.getByRole('button', { name: 'Power on' }).click();
    await expect.poll(() => page.locator('.labvm-status').innerText(), { timeout: 30_000 }).toContain('does not fit');
    await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 60_000 }).toMatch(/Linux version|\[\s*\d+\.\d+\]/);
    await expect.poll(() => terminalText(page), { timeout: 110_000 }).toContain('root@lab');
    // After the boot, a command line is clean: no answer to the line editor's cursor query echoed as text.
    await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('Type commands below');
    await page.waitForTimeout(1000);
    await type(page, 'echo booted-$((8 * 8))');
    await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('booted-64');
    expect(await terminalText(page)).not.toMatch(/\^\[\[\d+;\d+R/);
  }, 240_000);

  test('Power off destroys the VM and leaves no worker behind', async () => {
    const { page, errors } = await openPage(browser, '/lab-vm/');
    await powerOn(page);
    expect(await page.evaluate(() => Boolean((window as { hovLabVm?: unknown }).hovLabVm))).toBe(true);
    expect(page.workers().length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Power off' }).click();
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => (window as { hovLabVm?: unknown }).hovLabVm ?? null)).toBeNull();
    expect(await page.locator('.labvm-status').innerText()).toContain('The lab VM is off');
    expect(errors).toEqual([]);
  });
});

describe('faults on the Chinese page', () => {
  test('guest files missing: the message is in Chinese and says how to build them, axe clean', async () => {
    const { page } = await openPage(browser, '/zh-cn/lab-vm/');
    await page.route('**/guest/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.getByRole('button', { name: '开机' }).click();
    const alert = page.locator('.labvm-error');
    await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 30_000 }).toContain(
      '本站没有构建实验虚拟机。 本站上没有实验虚拟机的文件。请用 `npm run guest` 构建（大约两分钟），然后重新加载页面。',
    );
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  test('a failed download names the file in Chinese and offers Retry', async () => {
    const { page } = await openPage(browser, '/zh-cn/lab-vm/');
    await page.route('**/guest/state.bin.zst', (route) => route.abort('connectionreset'));
    await page.getByRole('button', { name: '开机' }).click();
    const alert = page.locator('.labvm-error');
    await expect.poll(() => alert.innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/下载失败。 下载机器状态失败（.+）。/);
    await expect(alert.getByRole('button', { name: '重试' }).count()).resolves.toBe(1);
    await expect(alert.getByRole('button', { name: '改为启动内核' }).count()).resolves.toBe(1);
  });
});
