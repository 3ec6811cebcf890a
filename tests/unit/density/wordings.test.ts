import { describe, expect, it } from 'vitest';
import { textIn, wordMessage } from '../../../lib/book/localized-text.ts';
import {
  DEFAULT_DENSITY_INPUTS, DENSITY_SOURCES, computeDensity, densityInputIssues, densityProblemWordings,
} from '../../../lib/density/index.ts';
import type { DensityInputs } from '../../../lib/density/index.ts';

const CJK = /[\u4e00-\u9fff]/;
const inputs = (patch: Partial<DensityInputs>): DensityInputs => ({ ...DEFAULT_DENSITY_INPUTS, ...patch });

describe('the density calculator speaks Chinese', () => {
  it('computes the defaults with no problem to report', () => {
    expect(densityInputIssues(inputs({}))).toEqual([]);
    const result = computeDensity(inputs({}));
    expect(result.container.fits).toBeGreaterThan(result.vm.fits);
  });

  it('words every input problem from a real input in Chinese', () => {
    const cases: [Partial<DensityInputs>, string][] = [
      [{ guestOsMiB: Number.NaN }, 'guestOsMiB 必须是一个数字'],
      [{ ksmSavings: 1.5 }, 'ksmSavings 必须在 0 到 0.95 之间（现在是 1.5）'],
      [{ hostMemoryMiB: 4096, hostReserveMiB: 4096 }, '宿主机预留的内存没有给虚拟机或容器留下任何空间：请把它设得比宿主机内存小'],
    ];
    const seen = new Set<string>();
    for (const [patch, zh] of cases) {
      const issues = densityInputIssues(inputs(patch));
      expect(issues).toHaveLength(1);
      const issue = issues[0]!;
      expect(wordMessage(densityProblemWordings, issue, 'zh-CN')).toBe(zh);
      expect(zh).toMatch(CJK);
      seen.add(issue.code);
    }
    expect(seen).toEqual(new Set(Object.keys(densityProblemWordings)));
  });

  it('states every source’s claim in Chinese, and translates this book’s own pages and anchors', () => {
    for (const source of DENSITY_SOURCES) {
      expect(textIn(source.claim, 'zh-CN'), source.id).toMatch(CJK);
      // A published document keeps its title and address; this book's own do not.
      if (source.url.en.startsWith('https://') && source.id !== 'workload-example') {
        expect(textIn(source.title, 'zh-CN')).toBe(source.title.en);
        expect(textIn(source.url, 'zh-CN')).toBe(source.url.en);
      }
    }
    const lab = DENSITY_SOURCES.find((s) => s.id === 'lab-measurement')!;
    expect(textIn(lab.title, 'zh-CN')).toBe('本书“虚拟机监控器与容器”一章的实验');
    expect(textIn(lab.url, 'zh-CN')).toBe('#实验亲手搭一个容器');
    const example = DENSITY_SOURCES.find((s) => s.id === 'workload-example')!;
    expect(textIn(example.title, 'zh-CN')).toMatch(CJK);
  });
});
