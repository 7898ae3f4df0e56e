// Plots one ops/bench-suite.sh run from its summary.json: message latency (p50 and p99) against load, and CPU
// seconds per 1,000 delivered messages against load, for the service and the two baseline relays. Hand-written SVG
// (no plotting library): two small line charts, log-scale load, written beside the summary.
//
//   node plot.js docs/bench      writes docs/bench/latency.svg and docs/bench/cpu.svg
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const series = [
  { target: 'service', name: 'service', color: '#1f5fa8' },
  { target: 'signalr-relay', name: 'SignalR relay', color: '#c0392b' },
  { target: 'socketio', name: 'socket.io relay', color: '#2e8b3d' },
];

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node plot.js DIR   (DIR holds summary.json from summary.js)');
  process.exit(2);
}
const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
const points = (pick) => summary.rows
  .map((row) => [row.load, row.runs[pick.target] ? pick.value(row.runs[pick.target]) : null])
  .filter(([, y]) => typeof y === 'number');

const latency = series.flatMap((s) => [
  { ...s, label: `${s.name} p50`, points: points({ ...s, value: (r) => r.messageLatencyMs.p50 }) },
  { ...s, label: `${s.name} p99`, dash: '6 4', points: points({ ...s, value: (r) => r.messageLatencyMs.p99 }) },
]);
const cpu = series.map((s) => ({ ...s, label: s.name, points: points({ ...s, value: (r) => r.cpuSecondsPer1000Messages }) }));

writeFileSync(join(dir, 'latency.svg'), chart({
  title: 'Message latency against load', yLabel: 'latency (ms, log scale)', logY: true, lines: latency,
}));
writeFileSync(join(dir, 'cpu.svg'), chart({
  title: 'CPU per 1,000 delivered messages (service: node + Redis)', yLabel: 'CPU seconds', logY: false, lines: cpu,
}));

// One line chart: x is the number of conversations (log scale), y linear from 0 or log.
function chart({ title, yLabel, logY, lines }) {
  const width = 720, height = 420;
  const box = { left: 70, right: 200, top: 40, bottom: 55 };
  const plotW = width - box.left - box.right, plotH = height - box.top - box.bottom;
  const all = lines.flatMap((line) => line.points);
  const xs = all.map(([x]) => x), ys = all.map(([, y]) => y).filter((y) => !logY || y > 0);
  const x = scale(logAxis(xs), box.left, box.left + plotW, true);
  const y = scale(logY ? logAxis(ys) : linearAxis(ys), box.top + plotH, box.top, logY);

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2 - box.right / 2 + box.left / 2}" y="22" text-anchor="middle" font-size="15">${text(title)}</text>`,
  ];
  for (const tick of x.ticks) {
    out.push(`<line x1="${x(tick)}" y1="${box.top}" x2="${x(tick)}" y2="${box.top + plotH}" stroke="#e4e4e4"/>`,
      `<text x="${x(tick)}" y="${box.top + plotH + 16}" text-anchor="middle">${tick}</text>`);
  }
  for (const tick of y.ticks) {
    out.push(`<line x1="${box.left}" y1="${y(tick)}" x2="${box.left + plotW}" y2="${y(tick)}" stroke="#e4e4e4"/>`,
      `<text x="${box.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  out.push(`<rect x="${box.left}" y="${box.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#555"/>`,
    `<text x="${box.left + plotW / 2}" y="${height - 14}" text-anchor="middle">conversations (log scale)</text>`,
    `<text transform="translate(18 ${box.top + plotH / 2}) rotate(-90)" text-anchor="middle">${text(yLabel)}</text>`);
  lines.forEach((line, index) => {
    const drawn = line.points.filter(([, v]) => !logY || v > 0);
    const dash = line.dash ? ` stroke-dasharray="${line.dash}"` : '';
    if (drawn.length > 1) {
      const path = drawn.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ');
      out.push(`<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="2"${dash}/>`);
    }
    for (const [a, b] of drawn) out.push(`<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="3.5" fill="${line.color}"><title>${text(`${line.label}: ${b} at ${a}`)}</title></circle>`);
    const ly = box.top + 10 + index * 20, lx = box.left + plotW + 16;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${line.color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 34}" y="${ly + 4}">${text(line.label)}</text>`);
  });
  if (all.length === 0) out.push(`<text x="${box.left + plotW / 2}" y="${box.top + plotH / 2}" text-anchor="middle">no results</text>`);
  out.push('</svg>', '');
  return out.join('\n');
}

// A log axis over the values, widened to whole decades (a single value sits in the middle of two decades), with
// ticks at 1, 2 and 5 times each power of ten.
function logAxis(values) {
  const positive = values.filter((v) => v > 0);
  const low = positive.length ? Math.min(...positive) : 1, high = positive.length ? Math.max(...positive) : 10;
  const from = low === high ? low / 10 : 10 ** Math.floor(Math.log10(low));
  const to = low === high ? high * 10 : 10 ** Math.ceil(Math.log10(high));
  const ticks = [];
  for (let decade = 10 ** Math.floor(Math.log10(from)); decade <= to; decade *= 10)
    for (const m of [1, 2, 5]) if (decade * m >= from * 0.999 && decade * m <= to * 1.001) ticks.push(round(decade * m));
  return { from, to, ticks };
}

// A linear axis from 0 to a little above the largest value, with about five round ticks.
function linearAxis(values) {
  const high = Math.max(0, ...values) || 1;
  const step = niceStep(high / 5);
  const to = Math.ceil((high * 1.05) / step) * step;
  const ticks = [];
  for (let t = 0; t <= to + step / 1000; t += step) ticks.push(round(t));
  return { from: 0, to, ticks };
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw);
}

function scale({ from, to, ticks }, start, end, log) {
  const f = log ? Math.log10 : (v) => v;
  const map = (v) => start + ((f(v) - f(from)) / (f(to) - f(from))) * (end - start);
  map.ticks = ticks;
  return map;
}

function round(v) {
  return Number(v.toPrecision(6));
}

function text(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
