import type { BenchResults } from './results';

/** A line chart as SVG, written by hand: no native dependencies, readable in any browser and on GitHub. */
export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: { x: number; y: number }[];
}

export interface ChartText {
  title: string;
  subtitle: string;
  xLabel: string;
  yLabel: string;
}

const width = 800;
const height = 460;
const margin = { left: 72, right: 210, top: 62, bottom: 58 };

/** Latency against agents: linear x (agents), logarithmic y (milliseconds), one line per series. */
export function lineChartSvg(series: readonly ChartSeries[], text: ChartText): string {
  const points = series
    .flatMap((line) => line.points)
    .filter((point) => point.y > 0 && Number.isFinite(point.y));
  const xs = [...new Set(points.map((point) => point.x))].sort((a, b) => a - b);
  const maxX = Math.max(1, ...xs);
  const lowDecade = Math.floor(Math.log10(Math.min(...points.map((point) => point.y))));
  const highDecade = Math.ceil(Math.log10(Math.max(...points.map((point) => point.y))));
  const top = highDecade === lowDecade ? highDecade + 1 : highDecade;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (value: number) => margin.left + (value / maxX) * plotWidth;
  const y = (value: number) =>
    margin.top + plotHeight - ((Math.log10(value) - lowDecade) / (top - lowDecade)) * plotHeight;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="24" font-size="16" font-weight="600" fill="#222">${escape(text.title)}</text>`,
    `<text x="${margin.left}" y="44" fill="#555">${escape(text.subtitle)}</text>`,
  ];
  for (let decade = lowDecade; decade <= top; decade += 1) {
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** decade;
      if (Math.log10(value) > top + 1e-9) continue;
      const at = y(value).toFixed(1);
      const major = step === 1;
      parts.push(
        `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${at}" y2="${at}" stroke="${major ? '#ccc' : '#eee'}"/>`,
        `<text x="${margin.left - 8}" y="${at}" dy="4" text-anchor="end" fill="${major ? '#333' : '#888'}">${formatMs(value)}</text>`,
      );
    }
  }
  for (const value of xs) {
    const at = x(value).toFixed(1);
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${margin.top}" y2="${margin.top + plotHeight}" stroke="#eee"/>`,
      `<text x="${at}" y="${margin.top + plotHeight + 18}" text-anchor="middle" fill="#333">${value}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`,
    `<text x="${margin.left + plotWidth / 2}" y="${height - 14}" text-anchor="middle" fill="#333">${escape(text.xLabel)}</text>`,
    `<text transform="translate(18 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#333">${escape(text.yLabel)}</text>`,
  );
  series.forEach((line, index) => {
    const drawn = line.points.filter((point) => point.y > 0 && Number.isFinite(point.y));
    const path = drawn.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ');
    const dash = line.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="2"${dash}/>`);
    for (const point of drawn) {
      parts.push(
        `<circle cx="${x(point.x).toFixed(1)}" cy="${y(point.y).toFixed(1)}" r="3.5" fill="${line.color}"><title>${escape(line.label)}: ${formatMs(point.y)} ms at ${point.x} agents</title></circle>`,
      );
    }
    const legendY = margin.top + 14 + index * 22;
    const legendX = margin.left + plotWidth + 18;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 28}" y1="${legendY}" y2="${legendY}" stroke="${line.color}" stroke-width="2"${dash}/>`,
      `<text x="${legendX + 36}" y="${legendY}" dy="4" fill="#222">${escape(line.label)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

function formatMs(value: number): string {
  if (value >= 1) return String(Number(value.toPrecision(3)));
  return String(Number(value.toPrecision(2)));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The report's chart: per-turn latency of the three bots against the number of agents. */
export function latencyChart(results: BenchResults): string {
  const series = (kind: 'onboarding' | 'echo' | 'peer', figure: 'p50' | 'p95' | 'p99') =>
    results.points
      .filter((point) => point.kind === kind)
      .map((point) => ({ x: point.agents, y: point.latency[figure] }));
  const store = results.store.startsWith('embedded') ? 'embedded Cosmos DB' : 'Azure Cosmos DB';
  return lineChartSvg(
    [
      { label: 'onboarding bot p50', color: '#1f5fbf', points: series('onboarding', 'p50') },
      { label: 'onboarding bot p95', color: '#1f5fbf', dashed: true, points: series('onboarding', 'p95') },
      { label: 'onboarding bot p99', color: '#8fb3e8', dashed: true, points: series('onboarding', 'p99') },
      { label: 'SDK-pattern peer p50', color: '#2e8b57', points: series('peer', 'p50') },
      { label: 'SDK-pattern peer p95', color: '#2e8b57', dashed: true, points: series('peer', 'p95') },
      { label: 'echo bot p50', color: '#d9730d', points: series('echo', 'p50') },
      { label: 'echo bot p95', color: '#d9730d', dashed: true, points: series('echo', 'p95') },
      { label: 'echo bot p99', color: '#f0b27a', dashed: true, points: series('echo', 'p99') },
    ],
    {
      title: `Per-turn latency against agents — ${results.options.section}`,
      subtitle: `${results.machine.cpuModel}, ${results.machine.cores} cores, Node ${results.machine.node}, ${store}; ${results.startedAt.toISOString().slice(0, 10)}`,
      xLabel: 'agents at once (each in a closed loop of onboardings)',
      yLabel: 'per-turn latency, ms (log scale)',
    },
  );
}
