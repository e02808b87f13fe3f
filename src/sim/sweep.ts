import type { ProfileName } from '../membership/profiles.js';
import type { SecondRow } from './metrics.js';
import { outageDefaults, outageScenario, summarize, type OutageOptions, type OutageSummary } from './outage-2015.js';
import { simulate } from './simulation.js';
import { linePlotSvg, stabilityMapSvg, type MapCell } from './svg-plot.js';

/** Runs one outage scenario and sums it up. */
export function runOutage(options: OutageOptions): { rows: SecondRow[]; summary: OutageSummary } {
  const rows = simulate(outageScenario(options));
  return { rows, summary: summarize(rows, options.cutAtS + options.cutDurationS) };
}

export interface SweepPoint {
  readonly profile: ProfileName;
  readonly cutFraction: number;
  readonly gsiGrowth: number;
  readonly summary: OutageSummary;
}

export const sweepDefaults = {
  cutFractions: [0.1, 0.25, 0.5, 0.75, 1],
  gsiGrowths: [1, 2, 3, 4],
};

export function sweep(base: OutageOptions, cutFractions: readonly number[], gsiGrowths: readonly number[], onPoint: (point: SweepPoint) => void): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (const profile of ['naive', 'hardened'] as const) {
    for (const gsiGrowth of gsiGrowths) {
      for (const cutFraction of cutFractions) {
        const point = { profile, cutFraction, gsiGrowth, summary: runOutage({ ...base, profile, cutFraction, gsiGrowth }).summary };
        onPoint(point);
        points.push(point);
      }
    }
  }
  return points;
}

/** The map as text: one line per GSI growth, one column per cut fraction, S(table) or M(etastable). */
export function sweepTable(points: readonly SweepPoint[], cutFractions: readonly number[], gsiGrowths: readonly number[]): string {
  const lines: string[] = [];
  for (const profile of ['naive', 'hardened'] as const) {
    lines.push(`${profile}: rows GSI growth, columns cut fraction ${cutFractions.join(' ')}; S stable, M metastable (goodput at the end)`);
    for (const gsiGrowth of [...gsiGrowths].reverse()) {
      const cells = cutFractions.map((cutFraction) => {
        const point = points.find((candidate) => candidate.profile === profile && candidate.gsiGrowth === gsiGrowth && candidate.cutFraction === cutFraction);
        if (point === undefined) return '   -   ';
        return `${point.summary.stable ? 'S' : 'M'} ${(point.summary.goodputEnd * 100).toFixed(0).padStart(3)}%`;
      });
      lines.push(`  g=${gsiGrowth}  ${cells.join('  ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function sweepMapSvg(points: readonly SweepPoint[], cutFractions: readonly number[], gsiGrowths: readonly number[], cutDurationS: number): string {
  const panel = (profile: ProfileName): MapCell[] =>
    points
      .filter((point) => point.profile === profile)
      .map((point) => ({
        column: cutFractions.indexOf(point.cutFraction),
        row: gsiGrowths.indexOf(point.gsiGrowth),
        stable: point.summary.stable,
        label: `${(point.summary.goodputEnd * 100).toFixed(0)}%`,
      }));
  return stabilityMapSvg({
    title: `Stable or metastable after a ${cutDurationS} s cut (1 h runs, ${outageDefaults.nodes} nodes)`,
    panels: [
      { name: 'naive profile', cells: panel('naive') },
      { name: 'hardened profile', cells: panel('hardened') },
    ],
    columnLabels: cutFractions.map(String),
    rowLabels: gsiGrowths.map((growth) => `g = ${growth}`),
    columnTitle: 'fraction of nodes cut off',
    rowTitle: 'GSI growth',
  });
}

const PROFILE_COLORS: Record<ProfileName, string> = { naive: '#c8423b', hardened: '#2f6fb5' };

export type OperatorMark = { readonly atS: number; readonly label: string };

/** Goodput over time of several runs on one plot. */
export function goodputSvg(title: string, runs: readonly { profile: ProfileName; rows: readonly SecondRow[] }[], marks: readonly OperatorMark[]): string {
  const xMax = Math.max(...runs.map((run) => run.rows.length));
  return linePlotSvg({
    title,
    xLabel: 'virtual time (s)',
    yLabel: 'share of nodes',
    xMax,
    yMax: 1,
    series: runs.flatMap((run) => [
      { name: `${run.profile} goodput`, color: PROFILE_COLORS[run.profile], points: run.rows.map((row) => [row.second, row.goodput] as const) },
      // Confirmed membership shows what goodput alone hides: cut-off hardened nodes serve on unconfirmed membership.
      ...(run.profile === 'naive' ? [] : [{ name: `${run.profile} confirmed membership`, color: PROFILE_COLORS[run.profile], dashed: true, points: run.rows.map((row) => [row.second, row.confirmed] as const) }]),
    ]),
    marks: marks.map((mark) => ({ x: mark.atS, label: mark.label })),
  });
}

export function queueDepthSvg(title: string, runs: readonly { profile: ProfileName; rows: readonly SecondRow[] }[], marks: readonly OperatorMark[]): string {
  const xMax = Math.max(...runs.map((run) => run.rows.length));
  const yMax = Math.max(1, ...runs.flatMap((run) => run.rows.map((row) => row.queueDepth)));
  return linePlotSvg({
    title,
    xLabel: 'virtual time (s)',
    yLabel: 'metadata requests queued',
    xMax,
    yMax,
    series: runs.map((run) => ({ name: `${run.profile} queue depth`, color: PROFILE_COLORS[run.profile], points: run.rows.map((row) => [row.second, row.queueDepth] as const) })),
    marks: marks.map((mark) => ({ x: mark.atS, label: mark.label })),
  });
}
