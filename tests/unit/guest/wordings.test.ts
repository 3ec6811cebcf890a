import { afterEach, describe, expect, it, vi } from 'vitest';
import { wordMessage } from '../../../lib/book/localized-text.ts';
import type { MessageCatalogue, MessageOf } from '../../../lib/book/localized-text.ts';
import {
  GuestLoadError, LabVM, LabVMError, SerialRecorder, guestDownloadWordings, guestErrorMessage, guestLoadProblemWordings,
  guestStatusWordings, labVMProblemWordings, manifestProblem, manifestProblemWordings, stopReasonWordings,
  waitTargetWordings, wordGuestError, GUEST_FILE_NAMES, LAB_MACHINE,
} from '../../../lib/guest/index.ts';
import type { GuestLoadProblem, GuestStatus, LabVMProblem } from '../../../lib/guest/index.ts';
import { downloadWithProgress, fetchGuestManifest, startWebLabVM } from '../../../lib/guest/web.ts';
import { readGuestManifest } from '../../../lib/guest/node.ts';
import { refusingV86 } from './refusing-v86.ts';

const CJK = /[\u4e00-\u9fff]/;
const ENGLISH_PROSE = /\b(the|a|an|is|not|no|and|of|to|in|by|was|did|has|be|may|from|this|that|with|then)\b/i;

function expectChinese<C extends MessageCatalogue>(catalogue: C, message: MessageOf<C>): string {
  const zh = wordMessage(catalogue, message, 'zh-CN');
  expect(zh, message.code).toMatch(CJK);
  // Code, quoted names, paths and a foreign error's own words (in brackets) may be English.
  expect(zh.replace(/`[^`]*`|“[^”]*”|（[^）]*）|[\w./-]*[/.][\w./-]*/g, ''), message.code).not.toMatch(ENGLISH_PROSE);
  return zh;
}

/** SHA-256 of four zero bytes, the files the fake server answers with. */
const FOUR_ZEROS_SHA256 = 'df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119';

const goodManifest = {
  format: 1,
  machine: LAB_MACHINE,
  files: {
    state: { name: GUEST_FILE_NAMES.state, bytes: 4, sha256: FOUR_ZEROS_SHA256, rawBytes: 20 },
    bios: { name: GUEST_FILE_NAMES.bios, bytes: 4, sha256: FOUR_ZEROS_SHA256 },
    bzimage: { name: GUEST_FILE_NAMES.bzimage, bytes: 4, sha256: FOUR_ZEROS_SHA256 },
    initrd: { name: GUEST_FILE_NAMES.initrd, bytes: 4, sha256: FOUR_ZEROS_SHA256 },
  },
};

/** Replaces fetch for one test: each call gets the next answer (a Response, or an error to throw). */
function answerFetches(...answers: (Response | Error)[]) {
  const queue = [...answers];
  vi.stubGlobal('fetch', vi.fn(async () => {
    const next = queue.shift();
    if (!next) throw new Error('unexpected fetch');
    if (next instanceof Error) throw next;
    return next;
  }));
}

async function loadProblem(promise: Promise<unknown>): Promise<GuestLoadProblem> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GuestLoadError);
  return (error as GuestLoadError).problem;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('starting the lab VM, in Chinese', () => {
  it('a site without the guest says how to build it', async () => {
    answerFetches(new Response('', { status: 404 }));
    const problem = await loadProblem(fetchGuestManifest('/'));
    expect(problem).toEqual({ code: 'notBuilt' });
    expect(expectChinese(guestLoadProblemWordings, problem)).toBe(
      '本站上没有实验虚拟机的文件。请用 `npm run guest` 构建（大约两分钟），然后重新加载页面。',
    );
  });

  it('words every way a download or start fails, each produced by a real failure', async () => {
    const problems: GuestLoadProblem[] = [];
    answerFetches(new TypeError('Failed to fetch'));
    problems.push(await loadProblem(fetchGuestManifest('/')));
    answerFetches(new Response('', { status: 404 }));
    problems.push(await loadProblem(fetchGuestManifest('/')));
    answerFetches(new Response('', { status: 503 }));
    problems.push(await loadProblem(fetchGuestManifest('/')));
    answerFetches(new Response(JSON.stringify({ format: 2 }), { status: 200 }));
    problems.push(await loadProblem(fetchGuestManifest('/')));
    answerFetches(new TypeError('Failed to fetch'));
    problems.push(await loadProblem(downloadWithProgress('/guest/bzImage', 'kernel')));
    answerFetches(new Response('', { status: 404 }));
    problems.push(await loadProblem(downloadWithProgress('/guest/bzImage', 'kernel')));
    answerFetches(new Response('', { status: 500 }));
    problems.push(await loadProblem(downloadWithProgress('/guest/state.bin.zst', 'state')));
    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    answerFetches(new Response(broken, { status: 200 }));
    problems.push(await loadProblem(downloadWithProgress('/guest/seabios.bin', 'bios')));
    answerFetches(new Response(JSON.stringify(goodManifest), { status: 200 }));
    problems.push(await loadProblem(startWebLabVM({ baseUrl: '/', loadV86: () => Promise.reject(new Error('offline')) })));
    const file = () => new Response(new Uint8Array(4), { status: 200 });
    answerFetches(new Response(JSON.stringify(goodManifest), { status: 200 }), file(), file(), file());
    const statuses: GuestStatus[] = [];
    problems.push(await loadProblem(startWebLabVM({
      baseUrl: '/',
      coldBoot: true,
      wasm: { path: 'v86.wasm' },
      loadV86: async () => refusingV86(),
      onStatus: (status) => statuses.push(status),
    })));
    expect(statuses.map((s) => s.code)).toEqual(['loadingEmulator', 'bootingKernel']);
    // A server that never answers: the download gives up and names the file.
    vi.stubGlobal('fetch', vi.fn((_url: string, init?: RequestInit) => new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })));
    const progress: string[] = [];
    problems.push(await loadProblem(downloadWithProgress('/guest/state.bin.zst', 'state', {
      stallTimeoutMs: 30,
      onProgress: (p) => progress.push(p.file),
    })));
    expect(progress).toEqual(['state']);
    // A file shorter than manifest.json says, and one of the right size with other bytes.
    answerFetches(new Response(new Uint8Array(4), { status: 200 }));
    problems.push(await loadProblem(downloadWithProgress('/guest/state.bin.zst', 'state', { expected: { bytes: 10, sha256: FOUR_ZEROS_SHA256 } })));
    answerFetches(new Response(Uint8Array.of(0, 0, 0, 1), { status: 200 }));
    problems.push(await loadProblem(downloadWithProgress('/guest/state.bin.zst', 'state', { expected: { bytes: 4, sha256: FOUR_ZEROS_SHA256 } })));
    // The same file intact passes.
    answerFetches(new Response(new Uint8Array(4), { status: 200 }));
    expect((await downloadWithProgress('/guest/state.bin.zst', 'state', { expected: { bytes: 4, sha256: FOUR_ZEROS_SHA256 } })).byteLength).toBe(4);

    // A Node checkout without the guest built.
    const missing = await loadProblem(Promise.resolve().then(() => readGuestManifest('/nonexistent/guest')));
    expect(missing).toEqual({ code: 'manifestMissing', params: { path: '/nonexistent/guest/manifest.json' } });
    expectChinese(guestLoadProblemWordings, missing);

    expect(new Set([...problems, missing].map((p) => p.code))).toEqual(new Set(Object.keys(guestLoadProblemWordings)));
    // A start that failed for a foreign reason (here v86's) passes that reason through unchanged.
    for (const problem of [...problems.slice(0, 9), ...problems.slice(10)]) expectChinese(guestLoadProblemWordings, problem);
    expect(problems.slice(10).map((p) => wordMessage(guestLoadProblemWordings, p, 'en'))).toEqual([
      'Downloading the machine state stopped: nothing arrived for 0.03 s.',
      'The machine state arrived incomplete: 4 bytes of 10. Download it again.',
      'The machine state arrived damaged: its SHA-256 checksum is not the one in manifest.json. Download it again.',
    ]);
    expect(problems.slice(10).map((p) => wordMessage(guestLoadProblemWordings, p, 'zh-CN'))).toEqual([
      '下载机器状态停住了：0.03 秒内没有收到任何数据。',
      '收到的机器状态不完整：应有 10 字节，只收到 4 字节。请重新下载。',
      '收到的机器状态已经损坏：它的 SHA-256 校验和与 manifest.json 里记录的不一致。请重新下载。',
    ]);
    expect(wordMessage(guestLoadProblemWordings, problems[9]!, 'zh-CN')).toBe('实验虚拟机没有启动：out of memory');
    expect(wordMessage(guestLoadProblemWordings, problems[5]!, 'zh-CN')).toBe(
      '缺少内核（/guest/bzImage）。请用 `npm run guest` 重新构建。',
    );
    expect(wordMessage(guestLoadProblemWordings, problems[3]!, 'zh-CN')).toBe(
      'guest/manifest.json 有问题：manifest.json 的格式是 2，而这个引擎只能读取格式 1。请用 `npm run guest` 重新构建。',
    );
    // A cold boot that cannot fetch its kernel: the engine's own reason, in Chinese.
    expect(problems[9]).toMatchObject({ code: 'notStarted' });
  });

  it('a saved state that does not fit: the status says so, then a missing kernel is an engine error', async () => {
    const statuses: GuestStatus[] = [];
    const error = await LabVM.start({
      V86: refusingV86(),
      wasm: { path: 'v86.wasm' },
      machine: LAB_MACHINE,
      bios: { buffer: new ArrayBuffer(4) },
      state: new ArrayBuffer(8),
      onStatus: (status) => statuses.push(status),
    }).then(() => null, (e: unknown) => e);
    expect(statuses).toHaveLength(1);
    const [status] = statuses as [GuestStatus];
    expect(wordMessage(guestStatusWordings, status, 'en')).toBe('The saved state does not fit this emulator (state version 7 != 8); booting the kernel instead.');
    expect(expectChinese(guestStatusWordings, status)).toBe('保存的状态与这个模拟器不匹配（state version 7 != 8），改为启动内核。');
    expect(error).toBeInstanceOf(LabVMError);
    const problem = (error as LabVMError).problem;
    expect(problem).toEqual({ code: 'noBootFiles' });
    expect(wordGuestError(guestErrorMessage(error), 'zh-CN')).toBe(
      '没有可用的已保存状态，也没有可以启动的内核和 initramfs：请运行 `npm run guest` 构建实验虚拟机。',
    );
  });

  it('words every status and every download in Chinese', () => {
    const statuses: GuestStatus[] = [
      { code: 'loadingEmulator' },
      { code: 'bootingKernel' },
      { code: 'stateDoesNotFit', params: { detail: 'x' } },
      { code: 'otherV86Version', params: { made: '0.5.1', running: '0.5.462' } },
    ];
    expect(statuses.map((s) => s.code)).toEqual(Object.keys(guestStatusWordings));
    for (const status of statuses) expectChinese(guestStatusWordings, status);
    for (const code of Object.keys(guestDownloadWordings) as (keyof typeof guestDownloadWordings)[]) {
      expectChinese(guestDownloadWordings, { code });
    }
  });
});

describe('a running lab VM’s errors, in Chinese', () => {
  it('a wait that times out says what it waited for', async () => {
    const recorder = new SerialRecorder();
    const error = await recorder.waitFor(() => false, 20, { code: 'commandToFinish' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(LabVMError);
    expect(wordGuestError(guestErrorMessage(error), 'en')).toBe('Timed out after 20 ms waiting for the command to finish');
    expect(wordGuestError(guestErrorMessage(error), 'zh-CN')).toBe('等待命令结束超时（20 毫秒）');
  });

  it('a wait cut short by a destroyed VM says why', async () => {
    const recorder = new SerialRecorder();
    const waiting = recorder.waitFor(() => false, 10_000, { code: 'shellPrompt' }).then(() => null, (e: unknown) => e);
    recorder.close({ code: 'destroyed' });
    const error = await waiting;
    expect(wordGuestError(guestErrorMessage(error), 'en')).toBe('Stopped waiting for the shell prompt: the VM was destroyed');
    expect(wordGuestError(guestErrorMessage(error), 'zh-CN')).toBe('不再等待出现 shell 提示符：虚拟机已经销毁');
  });

  it('words every problem code in Chinese (the pass-through of a foreign error excepted)', () => {
    const samples: LabVMProblem[] = [
      { code: 'noBootFiles' },
      { code: 'stateDoesNotFit', params: { detail: 'x' } },
      { code: 'destroyed' },
      { code: 'noShare' },
      { code: 'notInShare', params: { path: '../etc' } },
      { code: 'noSuchShareFile', params: { path: '/mnt/host/a.txt' } },
      { code: 'timedOut', params: { ms: 5, what: { code: 'prompt' } } },
      { code: 'stoppedWaiting', params: { what: { code: 'shellPrompt' }, reason: { code: 'destroyed' } } },
      { code: 'vmOff' },
      { code: 'storageUnavailable' },
      { code: 'storageFailed' },
      { code: 'storageAborted' },
    ];
    expect(new Set([...samples.map((s) => s.code), 'other'])).toEqual(new Set(Object.keys(labVMProblemWordings)));
    for (const sample of samples) expectChinese(labVMProblemWordings, sample);
    // An error the engine did not make keeps its own words.
    expect(wordGuestError(guestErrorMessage(new Error('QuotaExceededError')), 'zh-CN')).toBe('QuotaExceededError');
    for (const code of Object.keys(waitTargetWordings) as (keyof typeof waitTargetWordings)[]) expectChinese(waitTargetWordings, { code });
    expectChinese(stopReasonWordings, { code: 'destroyed' });
  });

  it('words every manifest problem, each from a real manifest', () => {
    const problems = [null, { format: 2 }, { format: 1 }, { format: 1, machine: LAB_MACHINE, files: {} }].map((m) => manifestProblem(m));
    expect(problems.map((p) => p?.code)).toEqual(Object.keys(manifestProblemWordings));
    for (const problem of problems) expectChinese(manifestProblemWordings, problem!);
    expect(manifestProblem(goodManifest)).toBeNull();
  });
});
