import { useId } from 'react';
import type { DensityPoint } from '../../lib/density/index.ts';
import type { DensityMessages } from './messages.ts';

export interface DensityChartProps {
  points: readonly DensityPoint[];
  hostMemoryMiB: number;
  vmFits: number;
  containerFits: number;
  messages: DensityMessages;
}

const WIDTH = 480;
const HEIGHT = 290;
const MARGIN = { top: 14, right: 12, bottom: 48, left: 52 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Round tick steps: 1, 2 or 5 times a power of ten, giving about `count` ticks up to `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = 0; value <= max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/**
 * Memory in use (GiB) against the number of copies, for VMs and for containers, with the
 * host's memory as a horizontal line. The SVG is decorative for screen readers: its summary
 * is its accessible name and the same numbers are in the table next to it.
 */
export function DensityChart({ points, hostMemoryMiB, vmFits, containerFits, messages: t }: DensityChartProps) {
  const titleId = useId();
  const descId = useId();
  const maxCount = points.at(-1)?.count ?? 1;
  const clipId = `hov-density-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // The y axis ends a quarter above the host's memory; lines that leave it are clipped.
  const maxMiB = hostMemoryMiB * 1.25;
  const yMaxGiB = maxMiB / 1024;
  const xTicks = niceTicks(maxCount, 5).filter((tick) => tick <= maxCount);
  const yTicks = niceTicks(yMaxGiB, 5).filter((tick) => tick <= yMaxGiB);
  const x = (count: number) => MARGIN.left + (count / maxCount) * PLOT_W;
  const y = (mib: number) => MARGIN.top + PLOT_H - (Math.min(mib, maxMiB * 2) / maxMiB) * PLOT_H;
  const path = (pick: (p: DensityPoint) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.count).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const hostY = y(hostMemoryMiB);
  // The host line's label sits between the two points where the lines cross it, clear of both.
  const crossings = [vmFits, containerFits].filter((fits) => Number.isFinite(fits) && fits <= maxCount).map(x);
  const hostLabelX =
    crossings.length === 2 && Math.abs(crossings[1] - crossings[0]) > 170
      ? (crossings[0] + crossings[1]) / 2
      : MARGIN.left + PLOT_W / 2;
  const fmt = t.formatNumber;

  return (
    <figure className="hov-density-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{t.chartTitle}</title>
        <desc id={descId}>{t.chartSummary(fmt(vmFits, 0), fmt(containerFits, 0), fmt(hostMemoryMiB / 1024))}</desc>
        <g className="hov-density-grid" aria-hidden="true">
          {yTicks.map((tick) => (
            <g key={`y${tick}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick * 1024)} y2={y(tick * 1024)} />
              <text x={MARGIN.left - 8} y={y(tick * 1024)} dy="0.32em" textAnchor="end">
                {fmt(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={`x${tick}`} x={x(tick)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
              {fmt(tick, 0)}
            </text>
          ))}
          <text className="hov-density-axis" x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 8} textAnchor="middle">
            {t.axisCopies}
          </text>
          <text className="hov-density-axis" transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle">
            {t.axisMemory}
          </text>
        </g>
        <defs>
          <clipPath id={clipId}>
            <rect x={MARGIN.left} y={MARGIN.top - 1} width={PLOT_W + 1} height={PLOT_H + 2} />
          </clipPath>
        </defs>
        <g aria-hidden="true">
          <line className="hov-density-host" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={hostY} y2={hostY} />
          <text className="hov-density-host-label" x={hostLabelX} y={hostY - 8} textAnchor="middle">
            {t.hostLine(fmt(hostMemoryMiB / 1024))}
          </text>
          <g clipPath={`url(#${clipId})`}>
            <path className="hov-density-line hov-density-vm" d={path((p) => p.vmMiB)} />
            <path className="hov-density-line hov-density-container" d={path((p) => p.containerMiB)} />
          </g>
          {Number.isFinite(vmFits) && vmFits > 0 && vmFits <= maxCount && (
            <circle className="hov-density-vm-dot" cx={x(vmFits)} cy={hostY} r={5} />
          )}
          {Number.isFinite(containerFits) && containerFits > 0 && containerFits <= maxCount && (
            <circle className="hov-density-container-dot" cx={x(containerFits)} cy={hostY} r={5} />
          )}
        </g>
      </svg>
      <figcaption className="hov-density-legend">
        <span className="hov-density-key hov-density-key-vm">{t.legendVm}</span>
        <span className="hov-density-key hov-density-key-container">{t.legendContainer}</span>
      </figcaption>
    </figure>
  );
}
