// Load tool for issue 8: drives simulated young people and counsellors through whole conversations and reports
// latency, correctness (nothing lost, twice or out of order) and what the server and Redis spent. Usually run by
// ops/bench.sh, which starts the node and Redis; see docs/benchmarks.md.
//
//   node load.js --url http://127.0.0.1:5180 --setup-code-file F --conversations 100 --duration 60
//        [--interval 5-10] [--length 30-60] [--server-pid P[,P...]] [--redis-pid P] [--redis-port N] [--out result.json]
//        [--fault storm|kill-node|restart-redis [--fault-at SECONDS] [--fault-command CMD]]   (lib/faults.js)
//   node load.js --target signalr-relay|socketio --url http://127.0.0.1:5300 ...   a baseline relay (no setup code)
//   --server-pid takes every node's pid (comma-separated): CPU and RSS are summed over them and also given per node.
//   --target service-idle: see targets/service-idle.js.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Fault } from './lib/faults.js';
import { Ledger } from './lib/ledger.js';
import { open } from './lib/hub.js';
import { sleep } from './lib/pool.js';
import { distribution, perThousand } from './lib/report.js';
import { commandStats, difference, monitorSample, Processes } from './lib/system.js';

const targets = {
  service: () => import('./targets/service.js'),
  'signalr-relay': () => import('./targets/signalr-relay.js'),
  socketio: () => import('./targets/socketio.js'),
  'service-idle': () => import('./targets/service-idle.js'),
};

const { values: args } = parseArgs({
  options: {
    target: { type: 'string', default: 'service' },
    url: { type: 'string' },
    'setup-code-file': { type: 'string' },
    conversations: { type: 'string', default: '100' },
    duration: { type: 'string', default: '60' },
    interval: { type: 'string', default: '5-10' },
    length: { type: 'string', default: '30-60' },
    'server-pid': { type: 'string' },
    'redis-pid': { type: 'string' },
    'redis-port': { type: 'string' },
    // A file naming Redis's pid now (ops/bench.sh --fault restart-redis: the restarted Redis is a new process).
    'redis-pid-file': { type: 'string' },
    // Where the first admin is set up when --url is nginx in front of several nodes: the setup code is one node's.
    'setup-url': { type: 'string' },
    // service-idle: connections opened per second over all, and how many one tool process holds (fds are per process).
    'open-rate': { type: 'string', default: '400' },
    'clients-per-process': { type: 'string', default: '5000' },
    'open-within': { type: 'string', default: '600' },
    'account-concurrency': { type: 'string', default: '4' },
    out: { type: 'string' },
    fault: { type: 'string' },
    'fault-at': { type: 'string' },
    'fault-command': { type: 'string' },
  },
});

const seconds = (range) => range.split('-').map((s) => Number(s) * 1000);
const options = {
  url: args.url?.replace(/\/$/, ''),
  setupCodeFile: args['setup-code-file'],
  conversations: Number(args.conversations),
  durationMs: Number(args.duration) * 1000,
  interval: seconds(args.interval),
  length: seconds(args.length),
  accountConcurrency: Number(args['account-concurrency']),
  setupUrl: args['setup-url']?.replace(/\/$/, ''),
  openRate: Number(args['open-rate']),
  clientsPerProcess: Number(args['clients-per-process']),
  openWithinMs: Number(args['open-within']) * 1000,
  serverPids: args['server-pid'] ? args['server-pid'].split(',').map(Number) : [],
  redisPort: args['redis-port'],
};
// Only the service has staff accounts to set up, and clients that resume after a fault; the relays need nothing
// but their URL, and take no --fault.
const service = args.target === 'service';
if (!options.url || !targets[args.target] || (service && !options.setupCodeFile) || (!service && args.fault)) {
  console.error(`usage: node load.js --url URL --setup-code-file FILE [--target ${Object.keys(targets).join('|')}] ...`);
  process.exit(2);
}
const log = (line) => console.error(`[bench] ${line}`);
const { serverPids, redisPort } = options;
const servers = serverPids.length ? new Processes(serverPids) : null;
const redisPid = args['redis-pid'] && Number(args['redis-pid']);
const redis = redisPid || args['redis-pid-file'] ? new Processes(redisPid ? [redisPid] : [], args['redis-pid-file']) : null;

const ledger = new Ledger();
// The SignalR client throws from inside its own message and close handlers when the server cancels a handshake (an
// overloaded node does, after its 15 s handshake timeout): nobody can catch that, and it would end the run. The
// connect() under way fails too and is counted where it was made; this keeps the process alive and counts it.
// Anything else still ends the run.
process.on('uncaughtException', (error) => {
  const handshake = /was called while the connection is still in the connecting state|Server returned handshake error/;
  if (!handshake.test(error?.message ?? '')) throw error;
  ledger.counts.errors['handshake-canceled'] = (ledger.counts.errors['handshake-canceled'] ?? 0) + 1;
});
const fault = args.fault ? new Fault({ kind: args.fault, command: args['fault-command'],
  atMs: args['fault-at'] === undefined ? options.durationMs / 2 : Number(args['fault-at']) * 1000 },
ledger.recovery, log) : null;
const target = await (await targets[args.target]()).prepare(options, ledger, log);

const sample = () => ({
  at: performance.now(),
  serverCpu: servers ? servers.cpuSeconds() : null,
  nodeCpu: serverPids.map((pid) => servers.cpuOf(pid)),
  redisCpu: redis ? redis.cpuSeconds() : null,
  commands: redisPort ? commandStats(redisPort) : null,
});
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const before = sample();
log(`running ${options.conversations} conversations for ${args.duration} s`);
const running = target.run();
// A target that first opens its connections (service-idle) holds them for the duration from when all are open.
if (target.opened) await target.opened;
fault?.arm(performance.now(), target);
await sleep(options.durationMs);
await fault?.settle();
const held = target.held?.() ?? open.now;
const serverRss = servers ? servers.totalRss() : null;
const nodesHeld = serverPids.length > 1 ? serverPids.map((pid) => ({ pid, rss: servers.rss(pid), sockets: servers.sockets(pid) })) : [];
const redisRss = redis ? redis.totalRss() : null;
// While the load still runs: how many of Redis's counted commands were clients' own (the rest ran inside scripts).
const deliveredBeforeSample = ledger.counts.delivered;
const watched = redisPort ? await monitorSample(redisPort, 2000) : null;
if (watched) watched.delivered = ledger.counts.delivered - deliveredBeforeSample;
target.stop();
log('draining: every young person ends their chat, every counsellor wraps up');
await running;
const after = sample();
await target.close();
loopDelay.disable();

const delivered = ledger.counts.delivered;
const commands = redisPort ? difference(after.commands, before.commands) : null;
const totalCommands = commands ? Object.values(commands).reduce((a, b) => a + b, 0) : null;
const clientShare = watched && watched.client + watched.lua > 0 ? watched.client / (watched.client + watched.lua) : null;
const result = {
  target: args.target,
  conversations: options.conversations,
  durationSeconds: options.durationMs / 1000,
  wallSeconds: Math.round((after.at - before.at) / 100) / 10,
  intervalSeconds: args.interval,
  conversationLengthSeconds: args.length,
  counsellors: target.counsellors,
  connectionsHeld: held,
  connectionsPeak: open.peak,
  messages: { ...ledger.counts, lost: ledger.lost() },
  fault: fault?.report() ?? null,
  messageLatencyMs: distribution(ledger.messageLatency),
  matchLatencyMs: distribution(ledger.matchLatency),
  toolEventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  server: servers ? {
    cpuSecondsPer1000Messages: perThousand(after.serverCpu - before.serverCpu, delivered),
    rssMiB: Math.round(serverRss / 1048576),
    // Per node when there are several: its share of the CPU, its RSS and its open sockets while the load was held
    // (how evenly nginx spread the clients). A node killed under load has rssMiB null.
    ...(serverPids.length > 1 ? {
      nodes: nodesHeld.map((node, i) => ({
        pid: node.pid,
        cpuSecondsPer1000Messages: perThousand(after.nodeCpu[i] - before.nodeCpu[i], delivered),
        rssMiB: node.rss === null ? null : Math.round(node.rss / 1048576),
        socketsHeld: node.sockets,
      })),
    } : {}),
  } : null,
  redis: redis || redisPort ? {
    cpuSecondsPer1000Messages: redis ? perThousand(after.redisCpu - before.redisCpu, delivered) : null,
    rssMiB: redisRss ? Math.round(redisRss / 1048576) : null,
    commandsPerMessage: totalCommands === null ? null : perThousand(totalCommands, delivered) / 1000,
    clientShareOfCommands: clientShare === null ? null : Math.round(clientShare * 1000) / 1000,
    roundTripsPerMessage: totalCommands === null || clientShare === null ? null
      : Math.round((totalCommands * clientShare / Math.max(1, delivered)) * 100) / 100,
    commands,
    // Clients' commands per message delivered within the MONITOR window alone: with conversations longer than the
    // run (--length above --duration) no chat starts or ends then, and this is the cost of a chat message itself.
    roundTripsPerMessageInSample: watched?.delivered ? Math.round((watched.client / watched.delivered) * 100) / 100 : null,
    monitorSample: watched,
  } : null,
};

// A target with figures of its own (service-idle) adds them, and may judge the run itself.
if (target.report) Object.assign(result, await target.report());
servers?.stop();
redis?.stop();

const json = JSON.stringify(result, null, 2);
if (args.out) writeFileSync(args.out, json + '\n');
console.log(json);
const m = result.messages;
const unresumed = result.fault?.unresumed ?? 0;
const passed = target.passed ? target.passed(result)
  : m.lost + m.duplicated + m.outOfOrder + m.gaps + unresumed === 0 && m.delivered > 0;
process.exit(passed ? 0 : 1);
