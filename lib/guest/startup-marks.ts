/**
 * Named moments of a lab VM's start (`lab-vm:manifest`, `lab-vm:state`, `lab-vm:restored`,
 * `lab-vm:prompt` …) as User Timing marks, so `npm run bench` and the browser's Performance panel
 * can show where the time from Power on to the prompt goes. A runtime without User Timing skips them.
 */
export const STARTUP_MARK_PREFIX = 'lab-vm:';

export function markStartup(step: string): void {
  globalThis.performance?.mark?.(STARTUP_MARK_PREFIX + step);
}
