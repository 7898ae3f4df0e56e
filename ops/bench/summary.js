// Sums up one ops/bench-suite.sh run: for each load, the service beside the two baseline relays, and the ratios
// issue 8 asks for (the service's CPU and p99 over each relay's). Reads the runs' JSON (TARGET-LOAD.json) from the
// folder and writes summary.json (for plot.js) and summary.md (a table to paste).
//
//   node summary.js --dir docs/bench --loads "100 1000" [--started ISO-TIME] [--load-before "1.2 0.9 0.8"]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const targets = ['service', 'signalr-relay', 'socketio'];
const names = { service: 'service', 'signalr-relay': 'SignalR relay', socketio: 'socket.io relay' };

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    loads: { type: 'string' },
    started: { type: 'string' },
    'load-before': { type: 'string' },
  },
});
if (!args.dir || !args.loads) {
  console.error('usage: node summary.js --dir DIR --loads "100 1000" [--started T] [--load-before "L1 L5 L15"]');
  process.exit(2);
}

// One run as the summary shows it; null when the run wrote nothing (it crashed or never started).
function row(target, load) {
  const file = join(args.dir, `${target}-${load}.json`);
  if (!existsSync(file)) return null;
  const run = JSON.parse(readFileSync(file, 'utf8'));
  const m = run.messages;
  // The service's cost is the node's and its Redis's together: the relays need no store.
  const cpu = sum(run.server?.cpuSecondsPer1000Messages, run.redis?.cpuSecondsPer1000Messages);
  return {
    file: `${target}-${load}.json`,
    durationSeconds: run.durationSeconds,
    delivered: m.delivered,
    messageLatencyMs: run.messageLatencyMs,
    matchLatencyMs: run.matchLatencyMs,
    cpuSecondsPer1000Messages: cpu,
    serverCpuSecondsPer1000Messages: run.server?.cpuSecondsPer1000Messages ?? null,
    redisCpuSecondsPer1000Messages: run.redis?.cpuSecondsPer1000Messages ?? null,
    rssMiB: sum(run.server?.rssMiB, run.redis?.rssMiB),
    lost: m.lost, duplicated: m.duplicated, outOfOrder: m.outOfOrder, gaps: m.gaps,
    errors: m.sendErrors,
    passed: m.lost + m.duplicated + m.outOfOrder + m.gaps === 0 && m.delivered > 0,
    toolEventLoopDelayP99Ms: run.toolEventLoopDelayMs?.p99 ?? null,
    connectionsPeak: run.connectionsPeak,
  };
}

function sum(...parts) {
  const known = parts.filter((part) => typeof part === 'number');
  return known.length ? Math.round(known.reduce((a, b) => a + b, 0) * 1000) / 1000 : null;
}

const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : null);

const loads = args.loads.split(/\s+/).filter(Boolean).map(Number);
const rows = loads.map((load) => {
  const runs = Object.fromEntries(targets.map((target) => [target, row(target, load)]));
  const [service, signalr, socketio] = targets.map((target) => runs[target]);
  return {
    load,
    runs,
    ratios: {
      cpuServiceOverSignalR: ratio(service?.cpuSecondsPer1000Messages, signalr?.cpuSecondsPer1000Messages),
      cpuServiceOverSocketio: ratio(service?.cpuSecondsPer1000Messages, socketio?.cpuSecondsPer1000Messages),
      p99ServiceOverSignalR: ratio(service?.messageLatencyMs.p99, signalr?.messageLatencyMs.p99),
      p99ServiceOverSocketio: ratio(service?.messageLatencyMs.p99, socketio?.messageLatencyMs.p99),
    },
  };
});

const first = rows.flatMap((r) => Object.values(r.runs)).find(Boolean);
const summary = {
  started: args.started ?? null,
  finished: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? null,
    node: process.version,
    loadAverageBefore: args['load-before'] ?? null,
    loadAverageAfter: loadavg().map((l) => l.toFixed(2)).join(' '),
  },
  durationSeconds: first?.durationSeconds ?? null,
  rows,
};
writeFileSync(join(args.dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
writeFileSync(join(args.dir, 'summary.md'), markdown(summary));

function markdown({ machine, rows }) {
  const n = (v) => (v === null || v === undefined ? '–' : String(v));
  const lines = [
    `Machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; load average ${n(machine.loadAverageBefore)} before,`
      + ` ${machine.loadAverageAfter} after. Each target ran alone, back to back, with the load tool on the same machine.`,
    '',
    '| conversations | target | delivered | message p50 / p99 / p99.9 / max (ms) | match p99 (ms) | CPU s per 1,000 msgs | RSS (MiB) | lost / dup / reordered / gaps |',
    '|---:|---|---:|---|---:|---:|---:|---|',
  ];
  for (const { load, runs } of rows) {
    for (const target of targets) {
      const r = runs[target];
      if (!r) { lines.push(`| ${load} | ${names[target]} | no result | | | | | |`); continue; }
      const l = r.messageLatencyMs;
      const cpu = target === 'service'
        ? `${n(r.cpuSecondsPer1000Messages)} (node ${n(r.serverCpuSecondsPer1000Messages)} + Redis ${n(r.redisCpuSecondsPer1000Messages)})`
        : n(r.cpuSecondsPer1000Messages);
      lines.push(`| ${load} | ${names[target]} | ${r.delivered} | ${n(l.p50)} / ${n(l.p99)} / ${n(l.p999)} / ${n(l.max)} `
        + `| ${n(r.matchLatencyMs.p99)} | ${cpu} | ${n(r.rssMiB)} | ${r.lost} / ${r.duplicated} / ${r.outOfOrder} / ${r.gaps} |`);
    }
  }
  lines.push('', 'Ratios (service ÷ relay; the service\'s CPU is its node and Redis together):', '',
    '| conversations | CPU ÷ SignalR relay | CPU ÷ socket.io relay | message p99 ÷ SignalR relay | message p99 ÷ socket.io relay |',
    '|---:|---:|---:|---:|---:|');
  for (const { load, ratios: q } of rows) {
    const x = (v) => (v === null ? '–' : `${v}×`);
    lines.push(`| ${load} | ${x(q.cpuServiceOverSignalR)} | ${x(q.cpuServiceOverSocketio)} | ${x(q.p99ServiceOverSignalR)} | ${x(q.p99ServiceOverSocketio)} |`);
  }
  lines.push('', 'Match latency: for the service, from the young person\'s Start to both sides told; for a relay, from '
    + 'asking to join to both sides in the room (no queue, no counsellor to find).', '');
  return lines.join('\n');
}
