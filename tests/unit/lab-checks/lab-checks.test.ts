import { describe, expect, test } from 'vitest';
import { bridgeCheck, checkFindingWordings, checkScript, labChecks, readCheckOutput, vethCheck } from '../../../lib/lab-checks/index.ts';
import { bookLocales, wordMessage } from '../../../lib/book/localized-text.ts';

describe('lab checks', () => {
  test('the script tests every condition and ends with a line of its own', () => {
    const script = checkScript(vethCheck);
    expect(script.split('\n')).toHaveLength(vethCheck.conditions.length + 1);
    expect(script).toContain('|| echo "missing 0"');
    expect(script.trimEnd().endsWith('echo lab-check-finished')).toBe(true);
  });

  test('the guest’s answer names what is missing, in order; none missing passes', () => {
    expect(readCheckOutput(bridgeCheck, 'missing 1\nmissing 2\nlab-check-finished\n')).toEqual({
      passed: false,
      missing: [bridgeCheck.conditions[1]!.missing, bridgeCheck.conditions[2]!.missing],
    });
    expect(readCheckOutput(bridgeCheck, 'lab-check-finished\n')).toEqual({ passed: true, missing: [] });
  });

  test('an answer cut short does not pass', () => {
    expect(readCheckOutput(bridgeCheck, 'missing 0\n')).toEqual({ passed: false, missing: [{ code: 'checkUnfinished' }] });
    expect(readCheckOutput(bridgeCheck, '')).toEqual({ passed: false, missing: [{ code: 'checkUnfinished' }] });
  });

  test('every finding of every check is worded in both editions', () => {
    for (const check of Object.values(labChecks)) {
      for (const condition of check.conditions) {
        for (const locale of bookLocales) {
          const words = wordMessage(checkFindingWordings, condition.missing, locale);
          expect(words.length, `${check.id} ${condition.missing.code} ${locale}`).toBeGreaterThan(5);
          expect(words).not.toContain('undefined');
        }
      }
    }
    expect(wordMessage(checkFindingWordings, { code: 'notAPort', params: { bridge: 'br0', port: 'eth0' } }, 'zh-CN')).toBe('eth0 不是 br0 的端口');
  });
});
