import { useId, useMemo, useState, type ChangeEvent } from 'react';
import {

  computeDensity,
  densityInputIssues,
  DEFAULT_DENSITY_INPUTS,
  DENSITY_DEFAULT_SOURCES,
  DENSITY_FIELD_RANGES,
  DENSITY_SOURCES,
  densityCurve,
  decodeDensityHash,
  GUEST_PRESETS,
  type DensityInputs,
  type DensityNumberField,
} from '../../lib/density/index.ts';
import { DensityChart } from './DensityChart.tsx';
import { densityCatalogues, type DensityMessages } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { textIn } from '../../lib/book/localized-text.ts';
import { removeStoredText, storedItem } from '../book/lab-storage.ts';
import { usePersistentState, type PersistentStateOptions } from '../book/usePersistentState.ts';
import './DensityCalculator.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface DensityCalculatorProps {
  locale?: BookLocale;
}

/** How a field is shown: host memory in GiB, page sharing in percent, the rest in MiB. */
const DISPLAY_SCALE: Partial<Record<DensityNumberField, number>> = { hostMemoryMiB: 1 / 1024, ksmSavings: 100 };

const toDisplay = (field: DensityNumberField, value: number) => value * (DISPLAY_SCALE[field] ?? 1);
const fromDisplay = (field: DensityNumberField, value: number) => value / (DISPLAY_SCALE[field] ?? 1);

const FIELD_GROUPS: readonly { legend: keyof Pick<DensityMessages, 'hostLegend' | 'vmLegend' | 'containerLegend' | 'workloadLegend'>; fields: DensityNumberField[] }[] = [
  { legend: 'hostLegend', fields: ['hostMemoryMiB', 'hostReserveMiB'] },
  { legend: 'vmLegend', fields: ['guestOsMiB', 'vmOverheadMiB', 'ksmSavings'] },
  { legend: 'containerLegend', fields: ['containerOverheadMiB'] },
  { legend: 'workloadLegend', fields: ['appPrivateMiB', 'appSharedMiB'] },
];

/** Where the reader's last inputs are kept, so a reload does not lose them. */
const DENSITY_INPUTS = storedItem('density-calculator', 'inputs', ['hov-density-inputs']);

/** Inputs saved by an earlier visit, if they are still complete and valid. */
function parseSavedInputs(text: string): DensityInputs | undefined {
  const parsed = JSON.parse(text) as Partial<DensityInputs> | null;
  if (!parsed || typeof parsed !== 'object') return undefined;
  const candidate = { ...DEFAULT_DENSITY_INPUTS, ...parsed };
  if (typeof candidate.ksm !== 'boolean' || typeof candidate.sharedImage !== 'boolean') return undefined;
  return densityInputIssues(candidate).length === 0 ? candidate : undefined;
}

/**
 * A link with numbers (an exercise's) wins over what this browser saved, but is saved over the
 * reader's own numbers only once the reader changes them; numbers with a problem are not saved.
 */
const INPUTS_PERSISTENCE: Omit<PersistentStateOptions<DensityInputs>, 'onLink'> = {
  parse: parseSavedInputs,
  serialize: (inputs) => JSON.stringify(inputs),
  fromHash: decodeDensityHash,
  saveLinked: false,
  savable: (inputs) => densityInputIssues(inputs).length === 0,
};

/** Source number (1-based, as listed under the calculator) of each source id. */
const SOURCE_NUMBER = new Map(DENSITY_SOURCES.map((source, index) => [source.id, index + 1]));

/** The x range of the chart: a little past the point where containers stop fitting. */
function chartCount(vmFits: number, containerFits: number): number {
  const finite = [vmFits, containerFits].filter(Number.isFinite);
  const most = finite.length ? Math.max(...finite) : 10;
  return Math.max(10, Math.ceil(most * 1.15));
}

export default function DensityCalculator({ locale = 'en' }: DensityCalculatorProps) {
  const t = pickMessages(densityCatalogues, locale);
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  // What the reader is typing in each number box, so a half-typed value is not overwritten.
  const [drafts, setDrafts] = useState<Partial<Record<DensityNumberField, string>>>({});
  // The server renders the defaults; a link's or the saved inputs replace them once the island runs.
  const [inputs, setInputs] = usePersistentState<DensityInputs>(DENSITY_INPUTS, DEFAULT_DENSITY_INPUTS, {
    ...INPUTS_PERSISTENCE,
    onLink: () => setDrafts({}),
  });

  const problems = useMemo(() => densityInputIssues(inputs), [inputs]);
  // The engine names a field and speaks MiB and fractions; the reader sees the field's label and the unit typed.
  const problemText = (problem: (typeof problems)[number]) => {
    const label = t.fields[problem.field as DensityNumberField]?.label ?? problem.field;
    if (problem.code === 'notANumber') return t.problems.notANumber(label);
    if (problem.code === 'reserveTooLarge') return t.problems.reserveTooLarge(label);
    const f = problem.params.field;
    const shown = (value: number) => t.formatNumber(toDisplay(f, value), 4);
    return t.problems.outOfRange(label, shown(problem.params.min), shown(problem.params.max), shown(problem.params.value), t.fields[f].unit);
  };
  const result = useMemo(() => (problems.length === 0 ? computeDensity(inputs) : undefined), [inputs, problems]);
  const points = useMemo(
    () => (result ? densityCurve(inputs, chartCount(result.vm.fits, result.container.fits), 64) : []),
    [inputs, result],
  );
  const preset = GUEST_PRESETS.find((candidate) => candidate.guestOsMiB === inputs.guestOsMiB)?.id ?? 'custom';
  const fmt = t.formatNumber;

  const setNumber = (field: DensityNumberField, text: string) => {
    recordLabRun('density-calculator');
    setDrafts((current) => ({ ...current, [field]: text }));
    const value = text.trim() === '' ? Number.NaN : Number(text);
    setInputs((current) => ({ ...current, [field]: fromDisplay(field, value) }));
  };
  const onSlider = (field: DensityNumberField) => (event: ChangeEvent<HTMLInputElement>) => {
    recordLabRun('density-calculator');
    setDrafts((current) => ({ ...current, [field]: undefined }));
    setInputs((current) => ({ ...current, [field]: fromDisplay(field, Number(event.target.value)) }));
  };
  const reset = () => {
    setDrafts({});
    setInputs({ ...DEFAULT_DENSITY_INPUTS });
    removeStoredText(DENSITY_INPUTS);
  };

  const sourceLinks = (field: keyof DensityInputs) =>
    DENSITY_DEFAULT_SOURCES[field].map((id) => {
      const n = SOURCE_NUMBER.get(id) ?? 0;
      return (
        <a key={id} className="hov-density-cite" href={`#${baseId}-source-${id}`} aria-label={t.sourceLink(n)}>
          [{n}]
        </a>
      );
    });

  const renderField = (field: DensityNumberField) => {
    const range = DENSITY_FIELD_RANGES[field];
    const scale = DISPLAY_SCALE[field] ?? 1;
    const min = range.min * scale;
    const max = range.max * scale;
    const step = field === 'hostMemoryMiB' ? 1 : range.step * scale;
    const value = inputs[field];
    const shown = drafts[field] ?? (Number.isFinite(value) ? String(Number(toDisplay(field, value).toFixed(4))) : '');
    const id = `${baseId}-${field}`;
    const problem = problems.find((candidate) => candidate.field === field);
    const label = t.fields[field];
    // Sliders cover the useful part of each range; the number box takes anything in range.
    const sliderMax = field === 'hostMemoryMiB' ? 256 : field === 'ksmSavings' ? 95 : Math.min(max, field === 'guestOsMiB' ? 4096 : 2048);
    return (
      <div className="hov-density-field" key={field}>
        <label htmlFor={id}>
          {label.label} <span className="hov-density-unit">({label.unit})</span> {sourceLinks(field)}
        </label>
        <div className="hov-density-controls">
          <input
            type="range"
            aria-label={`${label.label} (${label.unit})`}
            min={min}
            max={sliderMax}
            step={step}
            value={Number.isFinite(value) ? Math.min(toDisplay(field, value), sliderMax) : min}
            onChange={onSlider(field)}
          />
          <input
            id={id}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            value={shown}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-help`}
            onChange={(event) => setNumber(field, event.target.value)}
            onBlur={() => setDrafts((current) => ({ ...current, [field]: undefined }))}
          />
        </div>
        <p id={`${id}-help`} className="hov-density-help">
          {label.help}
          {problem && <span className="hov-density-problem"> {problemText(problem)}{t.fullStop}</span>}
        </p>
      </div>
    );
  };

  return (
    <section className="hov-density not-content" aria-label={t.regionLabel}>
      <p className="hov-density-intro">{t.intro}</p>
      <div className="hov-density-layout">
        <div className="hov-density-results">
          <h3>{t.resultsHeading}</h3>
          <div role="status" aria-live="polite" className="hov-density-status">
            {result ? (
              <ul>
                <li className="hov-density-result-vm">
                  <strong>{t.vmResult(fmt(result.vm.fits, 0), fmt(result.vm.firstMiB))}</strong>
                  {inputs.ksm && <> {t.vmKsmNote(fmt(result.vm.firstMiB), fmt(result.vm.eachMiB))}</>}
                </li>
                <li className="hov-density-result-container">
                  <strong>{t.containerResult(fmt(result.container.fits, 0), fmt(result.container.eachMiB))}</strong>
                  {inputs.sharedImage && <> {t.containerSharedNote(fmt(inputs.appSharedMiB))}</>}
                </li>
                <li>{result.vm.fits === 0 ? t.ratioNone : t.ratio(fmt(result.ratio))}</li>
              </ul>
            ) : (
              <div className="hov-density-problems">
                <p>{t.problemsHeading}{t.colon.trim()}</p>
                <ul>
                  {problems.map((problem) => (
                    <li key={problem.field}>
                      <a href={`#${baseId}-${problem.field}`}>{problemText(problem)}</a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          {result && (
            <>
              <DensityChart
                points={points}
                hostMemoryMiB={inputs.hostMemoryMiB}
                vmFits={result.vm.fits}
                containerFits={result.container.fits}
                messages={t}
              />
              <details className="hov-density-table">
                <summary>{t.tableToggle}</summary>
                <table>
                  <caption>{t.tableCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.tableCopies}</th>
                      <th scope="col">{t.tableVm}</th>
                      <th scope="col">{t.tableContainer}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((point) => (
                      <tr key={point.count}>
                        <th scope="row">{point.count}</th>
                        <td className={point.vmMiB > inputs.hostMemoryMiB ? 'hov-density-over' : undefined}>{fmt(point.vmMiB, 0)}</td>
                        <td className={point.containerMiB > inputs.hostMemoryMiB ? 'hov-density-over' : undefined}>{fmt(point.containerMiB, 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </>
          )}
        </div>
        <form className="hov-density-form" onSubmit={(event) => event.preventDefault()}>
          <fieldset className="hov-density-presets">
            <legend>{t.guestPresetLegend}</legend>
            {GUEST_PRESETS.map((candidate) => (
              <label key={candidate.id} className="hov-density-radio">
                <input
                  type="radio"
                  name={`${baseId}-preset`}
                  checked={preset === candidate.id}
                  onChange={() => {
                    setDrafts((current) => ({ ...current, guestOsMiB: undefined }));
                    setInputs((current) => ({ ...current, guestOsMiB: candidate.guestOsMiB }));
                  }}
                />
                {t.guestPresets[candidate.id]}
              </label>
            ))}
            <label className="hov-density-radio">
              <input type="radio" name={`${baseId}-preset`} checked={preset === 'custom'} disabled={preset !== 'custom'} readOnly />
              {t.guestPresets.custom}
            </label>
          </fieldset>
          {FIELD_GROUPS.map((group) => (
            <fieldset key={group.legend}>
              <legend>{t[group.legend]}</legend>
              {group.fields.map(renderField)}
              {group.legend === 'vmLegend' && (
                <label className="hov-density-check">
                  <input type="checkbox" checked={inputs.ksm} onChange={(event) => setInputs((current) => ({ ...current, ksm: event.target.checked }))} />
                  <span>
                    {t.ksm.label} {sourceLinks('ksm')}
                    <span className="hov-density-help"> {t.ksm.help}</span>
                  </span>
                </label>
              )}
              {group.legend === 'containerLegend' && (
                <label className="hov-density-check">
                  <input
                    type="checkbox"
                    checked={inputs.sharedImage}
                    onChange={(event) => setInputs((current) => ({ ...current, sharedImage: event.target.checked }))}
                  />
                  <span>
                    {t.sharedImage.label} {sourceLinks('sharedImage')}
                    <span className="hov-density-help"> {t.sharedImage.help}</span>
                  </span>
                </label>
              )}
            </fieldset>
          ))}
          <button type="button" className="hov-density-reset" onClick={reset}>
            {t.reset}
          </button>
        </form>

      </div>

      <details className="hov-density-notes" open>
        <summary>{t.assumptionsHeading}</summary>
        <ul>
          {t.assumptions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <h3 className="hov-density-sources-heading">{t.sourcesHeading}</h3>
      <ol className="hov-density-sources">
        {DENSITY_SOURCES.map((source) => (
          <li key={source.id} id={`${baseId}-source-${source.id}`}>
            {textIn(source.claim, locale)}{' '}
            {source.url.en.startsWith('#') ? (
              <a href={textIn(source.url, locale)}>{textIn(source.title, locale)}</a>
            ) : (
              <a href={textIn(source.url, locale)} rel="noopener">
                {textIn(source.title, locale)}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
