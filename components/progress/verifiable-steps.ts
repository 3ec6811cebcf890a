/**
 * How many lab VM steps in a chapter's MDX say what they expect (and so can be verified):
 * every <ContainerStep>, every <RunInVM> with an `expected` attribute, every <LabCheck>, and the
 * one step each of chapter 5's lab-VM labs (<BalloonLab>: an inflation the guest's MemTotal shows;
 * <MigrationLab>: a migration the guest's counter carries on across; see recordLabStep).
 */
export function verifiableStepCount(mdx: string): number {
  const containerSteps = mdx.match(/<ContainerStep\b/g)?.length ?? 0;
  const runInVM = mdx
    .split('<RunInVM')
    .slice(1)
    .filter((element) => /^\s/.test(element) && /\sexpected=/.test(element.slice(0, element.indexOf('/>') >= 0 ? element.indexOf('/>') : undefined))).length;
  const labChecks = mdx.match(/<LabCheck\b/g)?.length ?? 0;
  const labSteps = mdx.match(/<(BalloonLab|MigrationLab)\b/g)?.length ?? 0;
  return containerSteps + runInVM + labChecks + labSteps;
}
