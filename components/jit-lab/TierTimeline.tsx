import type { JitLabMessages } from './messages.ts';

export interface TierSample {
  readonly interpreter: number;
  readonly dispatcher: number;
  readonly chained: number;
}

interface Props {
  samples: readonly TierSample[];
  totals: TierSample;
  m: JitLabMessages;
}

const W = 600;
const H = 120;
const tiers = ['interpreter', 'dispatcher', 'chained'] as const;

/** One column per sample, split by the share of instructions each tier ran in it. */
export default function TierTimeline({ samples, totals, m }: Props) {
  if (samples.length === 0) return <p className="jit-empty">{m.timelineEmpty}</p>;
  const w = W / samples.length;
  return (
    <figure className="jit-timeline">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={m.timelineLabel}>
        {samples.map((s, k) => {
          const sum = s.interpreter + s.dispatcher + s.chained;
          if (sum === 0) return null;
          let top = H;
          return (
            <g key={k}>
              {tiers.map((t) => {
                const h = (s[t] / sum) * H;
                top -= h;
                return h > 0 ? <rect key={t} className={`jit-tier-${t}`} x={k * w} y={top} width={w + 0.5} height={h} /> : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="jit-legend">
          {tiers.map((t) => (
            <li key={t} data-tier={t} data-count={totals[t]}>
              <span className={`jit-swatch jit-tier-${t}`} aria-hidden="true" />
              {m.tierName[t]}: {totals[t].toLocaleString('en')}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
