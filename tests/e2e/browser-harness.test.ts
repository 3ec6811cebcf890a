import { describe, expect, test } from 'vitest';
import { browserForThisFile, openContext, openPage } from './browser.ts';

const browser = browserForThisFile();

// The two tests run in order: the first leaves its pages open, the second finds them closed.
describe('the harness closes what a test opened when the test ends', () => {
  test('a test opens a page and a context and does not close them', async () => {
    const { page } = await openPage(browser(), '/');
    await openContext(browser());
    expect(await page.title()).not.toBe('');
    expect(browser().contexts()).toHaveLength(2);
  });

  test('the next test starts with no context left over', () => {
    expect(browser().contexts()).toEqual([]);
  });
});
