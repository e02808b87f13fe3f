/**
 * Small SVG drawings of simulation results, written by hand so they need no dependency and open in any
 * browser: line plots over virtual time, and the stable / metastable map of a sweep.
 */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly points: readonly (readonly [number, number])[];
}

export interface LinePlot {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yMax: number;
  readonly xMax: number;
  readonly series: readonly Series[];
  /** Vertical marks, such as the fault or the operator's actions. */
  readonly marks: readonly { readonly x: number; readonly label: string }[];
}

const WIDTH = 760;
const HEIGHT = 360;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 };
const TICKS = 5;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatTick(value: number): string {
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export function linePlotSvg(plot: LinePlot): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (value: number): number => MARGIN.left + (value / plot.xMax) * plotWidth;
  const y = (value: number): number => MARGIN.top + plotHeight - (Math.min(value, plot.yMax) / plot.yMax) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(plot.title)}</text>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escapeXml(plot.xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(plot.yLabel)}</text>`,
  ];
  for (let tick = 0; tick <= TICKS; tick += 1) {
    const yValue = (plot.yMax * tick) / TICKS;
    const xValue = (plot.xMax * tick) / TICKS;
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(yValue)}" y2="${y(yValue)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(yValue) + 4}" text-anchor="end">${formatTick(yValue)}</text>`);
    parts.push(`<text x="${x(xValue)}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle">${formatTick(xValue)}</text>`);
  }
  plot.marks.forEach((mark, index) => {
    // Labels step down the plot so marks close in time stay readable.
    parts.push(`<line x1="${x(mark.x)}" x2="${x(mark.x)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#999" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x(mark.x) + 3}" y="${MARGIN.top + 14 + 15 * index}" fill="#555">${escapeXml(mark.label)}</text>`);
  });
  plot.series.forEach((series, index) => {
    const path = series.points.map(([px, py], point) => `${point === 0 ? 'M' : 'L'}${x(px).toFixed(1)} ${y(py).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"${series.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`);
    const legendY = MARGIN.top + plotHeight - 12 - 16 * index;
    const dash = series.dashed === true ? ' stroke-dasharray="4 3"' : '';
    parts.push(`<line x1="${MARGIN.left + plotWidth - 256}" x2="${MARGIN.left + plotWidth - 238}" y1="${legendY - 3}" y2="${legendY - 3}" stroke="${series.color}" stroke-width="3"${dash}/>`);
    parts.push(`<text x="${MARGIN.left + plotWidth - 232}" y="${legendY + 1}">${escapeXml(series.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export interface MapCell {
  readonly column: number;
  readonly row: number;
  readonly stable: boolean;
  readonly label: string;
}

export interface StabilityMap {
  readonly title: string;
  readonly panels: readonly { readonly name: string; readonly cells: readonly MapCell[] }[];
  readonly columnLabels: readonly string[];
  readonly rowLabels: readonly string[];
  readonly columnTitle: string;
  readonly rowTitle: string;
}

const CELL = 64;

/** One grid per profile: green where the fleet came back by itself, red where it stayed collapsed. */
export function stabilityMapSvg(map: StabilityMap): string {
  const gridWidth = CELL * map.columnLabels.length;
  const gridHeight = CELL * map.rowLabels.length;
  const panelWidth = gridWidth + 110;
  const width = panelWidth * map.panels.length + 20;
  const height = gridHeight + 150;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(map.title)}</text>`,
  ];
  map.panels.forEach((panel, panelIndex) => {
    const left = 20 + panelWidth * panelIndex + 70;
    const top = 60;
    parts.push(`<text x="${left + gridWidth / 2}" y="48" text-anchor="middle" font-size="14">${escapeXml(panel.name)}</text>`);
    for (const cell of panel.cells) {
      const cx = left + cell.column * CELL;
      const cy = top + (map.rowLabels.length - 1 - cell.row) * CELL;
      parts.push(`<rect x="${cx}" y="${cy}" width="${CELL - 2}" height="${CELL - 2}" fill="${cell.stable ? '#3a9d4f' : '#c8423b'}"/>`);
      parts.push(`<text x="${cx + CELL / 2 - 1}" y="${cy + CELL / 2 + 4}" text-anchor="middle" fill="white">${escapeXml(cell.label)}</text>`);
    }
    map.columnLabels.forEach((label, column) => {
      parts.push(`<text x="${left + column * CELL + CELL / 2}" y="${top + gridHeight + 16}" text-anchor="middle">${escapeXml(label)}</text>`);
    });
    map.rowLabels.forEach((label, row) => {
      parts.push(`<text x="${left - 8}" y="${top + (map.rowLabels.length - 1 - row) * CELL + CELL / 2 + 4}" text-anchor="end">${escapeXml(label)}</text>`);
    });
    parts.push(`<text x="${left + gridWidth / 2}" y="${top + gridHeight + 36}" text-anchor="middle">${escapeXml(map.columnTitle)}</text>`);
    parts.push(`<text transform="translate(${left - 58} ${top + gridHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(map.rowTitle)}</text>`);
  });
  const legendY = height - 30;
  parts.push(`<rect x="20" y="${legendY - 10}" width="12" height="12" fill="#3a9d4f"/><text x="38" y="${legendY}">stable: goodput and confirmed membership back to ≥ 99% and staying there</text>`);
  parts.push(`<rect x="20" y="${legendY + 6}" width="12" height="12" fill="#c8423b"/><text x="38" y="${legendY + 16}">metastable: still collapsed at the end of the hour (label: goodput at the end)</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
