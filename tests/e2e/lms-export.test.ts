import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { readGift, readStoredZip, readXml, all } from '../unit/exercises/lms-readers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function downloaded(page: import('playwright-core').Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!);
}

describe('LMS exports from the answer-key page', () => {
  for (const [path, locale] of [['/instructors/answer-keys/', 'en'], ['/zh-cn/instructors/answer-keys/', 'zh-CN']] as const) {
    test(`${path}: QTI, Moodle XML and GIFT downloads hold the seeds shown, with their keys`, async () => {
      const { page, context, errors } = await openPage(browser, path);
      try {
        await page.waitForSelector('astro-island:not([ssr]) [data-testid=answer-keys]');
        await page.getByTestId('keys-from').fill('3');
        await page.getByTestId('keys-to').fill('5');
        await expect.poll(() => page.getByTestId('keys-answer').count()).toBe(3);

        const zip = readStoredZip(new Uint8Array(await downloaded(page, 'keys-qti')));
        const manifest = readXml(zip.get('imsmanifest.xml')!);
        const [href] = all(manifest, 'file').map((f) => f.attributes.href!);
        const items = all(readXml(zip.get(href!)!), 'item');
        expect(items.map((i) => all(i, 'qtimetadatafield').find((f) => f.children[0]!.text === 'hov_seed')!.children[1]!.text)).toEqual(['3', '4', '5']);

        const moodle = readXml((await downloaded(page, 'keys-moodle')).toString('utf8'));
        const questions = all(moodle, 'question').filter((q) => q.attributes.type !== 'category');
        expect(questions).toHaveLength(3);
        expect(questions[0]!.children.find((c) => c.name === 'idnumber')!.text).toMatch(/-s3-v\d+$/);

        const gift = readGift((await downloaded(page, 'keys-gift')).toString('utf8'));
        expect(gift).toHaveLength(3);
        expect(gift[0]!.category).toContain(locale === 'zh-CN' ? '动手学虚拟化' : 'Hands-on Virtualization');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
