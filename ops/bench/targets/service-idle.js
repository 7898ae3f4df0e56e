// The target "service-idle" (issue 8: "20,000 idle young people waiting in the queue", memory per connection):
// `conversations` young people each open a youth hub connection, Start({}) and then only wait. Nobody is on duty and
// no staff account is made: Start does not need anyone on duty (only the chat's opening hours, none set on a fresh
// Redis), and with nobody on duty no chat is ever taken, so every one of them stays in the queue. They are held for
// --duration from when the last one is open; then the node's RSS, fds and sockets, Redis's memory and the queue's
// length are read, and the run ends.
//
// File descriptors are per process and the tool's limit is the machine's (ulimit -n, 20,000 here), so the
// connections are spread over child processes (--clients-per-process, default 5,000), each a copy of this file run
// with --child. Worker threads would not help: they share their process's fd table. Connections are opened at
// --open-rate per second over all (default 400), at most 64 at a time per process, so the node is measured holding
// them, not fighting a thundering herd.
//
// The node has the same per-process fd limit: near it, it cannot accept another connection, a connection then sits
// unanswered, and the tool counts it failed after 15 s. A process that sees 20 failures in a row stops opening; the
// report says how many were open and what the node's fd limit was. Opening also stops after --open-within seconds
// (default 600), so a node that slows down as its queue grows still ends the run, with what it reached.
import { execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call, connect } from '../lib/hub.js';
import { sleep, within } from '../lib/pool.js';
import { distribution } from '../lib/report.js';
import { descriptors, rssBytes, rssOrNull } from '../lib/system.js';

const self = fileURLToPath(import.meta.url);
const openLimitMs = 15_000;
const inFlight = 64;
const failuresInARow = 20;

export async function prepare(options, ledger, log) {
  const pid = options.serverPids[0];
  if (!pid) throw new Error('service-idle measures the node: give --server-pid');
  const count = options.conversations;
  const processes = Math.max(1, Math.ceil(count / options.clientsPerProcess));
  // A few young people first Start and End again, so the hub's code is loaded and compiled before the node's memory
  // is read: the growth measured is then the connections' own.
  for (let i = 0; i < 20; i++) {
    const connection = await connect(`${options.url}/hubs/youth`, null, {});
    await call(connection, 'Start', {});
    await call(connection, 'End');
    await connection.stop();
  }
  await sleep(1000);
  const before = { ...nodeNow(pid), redis: redisMemory(options.redisPort) };
  const children = [];
  const results = [];
  let held = null, atOpen = null;
  let openedAll;
  const opened = new Promise((resolve) => { openedAll = resolve; });
  let openingMs = null;
  let release = () => {};

  const run = async () => {
    log(`opening ${count} youth connections that Start and wait, ${options.openRate}/s over ${processes} tool processes`);
    const started = performance.now();
    const progress = new Array(processes).fill(0);
    const ticker = setInterval(() => log(`${progress.reduce((a, b) => a + b, 0)} open`), 5000);
    const finished = Array.from({ length: processes }, (_, i) => new Promise((resolve, reject) => {
      const share = Math.floor(count / processes) + (i < count % processes ? 1 : 0);
      const child = fork(self, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      child.on('message', (message) => {
        if (message.progress !== undefined) progress[i] = message.progress;
        if (message.done) resolve(message.done);
      });
      child.on('exit', (code) => reject(new Error(`tool process ${i + 1} exited with ${code} while opening`)));
      child.send({ url: `${options.url}/hubs/youth`, count: share, rate: options.openRate / processes,
        withinMs: options.openWithinMs });
    }));
    results.push(...await Promise.all(finished));
    clearInterval(ticker);
    openingMs = performance.now() - started;
    log(`${results.reduce((a, r) => a + r.opened, 0)} open after ${Math.round(openingMs / 100) / 10} s; holding`);
    // Also read the moment the last one is open: if the node does not survive the hold, this is what it reached.
    atOpen = nodeNow(pid);
    openedAll();
    // Held until stop(), which reads the figures and lets the tool processes go.
    await new Promise((resolve) => { release = resolve; });
  };

  const stop = () => {
    held = {
      node: nodeNow(pid),
      redis: redisMemory(options.redisPort),
      queue: queueLength(options.redisPort),
      toolRss: children.reduce((sum, child) => sum + (rssOrNull(child.pid) ?? 0), 0),
    };
    release();
  };

  // The tool processes exit (their sockets close with them); the node is stopped right after by ops/bench.sh.
  const close = async () => {
    await Promise.all(children.map((child) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
  };

  const openCount = () => results.reduce((a, r) => a + r.opened, 0);
  const report = () => {
    const open = openCount();
    const failed = results.reduce((a, r) => a + r.failed, 0);
    const mib = (bytes) => (bytes === null || bytes === undefined ? null : Math.round(bytes / 1048576));
    const perConnection = (at) => (open && at ? Math.round(((at.rss - before.rss) / open / 1024) * 10) / 10 : null);
    return {
      idle: {
        youngPeople: count,
        open,
        failed,
        firstError: results.find((r) => r.firstError)?.firstError ?? null,
        toolProcesses: processes,
        openRatePerSecond: options.openRate,
        openWithinSeconds: options.openWithinMs / 1000,
        openingSeconds: Math.round(openingMs / 100) / 10,
        connectAndStartMs: distribution(results.flatMap((r) => r.latencies)),
        heldSeconds: options.durationMs / 1000,
        queueLength: held.queue,
        node: {
          // False when the node process was gone at the end of the hold: the *Held figures are then null.
          aliveAtEnd: held.node !== null,
          rssBeforeMiB: mib(before.rss),
          rssAllOpenMiB: mib(atOpen?.rss),
          rssHeldMiB: mib(held.node?.rss),
          rssPerConnectionKiB: perConnection(held.node ?? atOpen),
          fdsBefore: before.fds,
          fdsAllOpen: atOpen?.fds ?? null,
          fdsHeld: held.node?.fds ?? null,
          socketsHeld: held.node?.sockets ?? null,
          fdLimit: before.fdLimit,
        },
        redis: {
          rssMiB: mib(held.redis?.rss),
          usedMemoryBeforeMiB: mib(before.redis?.used),
          usedMemoryHeldMiB: mib(held.redis?.used),
          usedMemoryPerWaitingBytes: open && held.redis && before.redis
            ? Math.round((held.redis.used - before.redis.used) / open) : null,
        },
        toolRssMiB: mib(held.toolRss),
      },
    };
  };

  return {
    counsellors: 0,
    opened,
    run,
    stop,
    close,
    held: openCount,
    report,
    // Every young person whose Start was answered is in the queue while held.
    passed: (result) => result.idle.node.aliveAtEnd && result.idle.open > 0 && result.idle.queueLength === result.idle.open,
  };
}

function redisMemory(port) {
  if (!port) return null;
  const info = execFileSync('redis-cli', ['-p', String(port), 'INFO', 'memory']).toString();
  const field = (name) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1]);
  return { used: field('used_memory'), rss: field('used_memory_rss') };
}

function queueLength(port) {
  if (!port) return null;
  return Number(execFileSync('redis-cli', ['-p', String(port), 'ZCARD', 'chat:queue']).toString().trim());
}

// The node's RSS, fds, sockets and fd limit now; null once it is gone.
function nodeNow(pid) {
  try {
    const fdLimit = Number(/^Max open files\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))?.[1]) || null;
    return { rss: rssBytes(pid), ...descriptors(pid), fdLimit };
  } catch {
    return null;
  }
}

// A tool process: opens its share at its rate, reports, then holds the connections until it is told to go.
async function child() {
  const { url, count, rate, withinMs } = await new Promise((resolve) => process.once('message', resolve));
  const connections = [];
  const latencies = [];
  let failed = 0, inARow = 0, running = 0, firstError = null;
  const started = performance.now();
  const tasks = [];
  for (let i = 0; i < count && inARow < failuresInARow && performance.now() - started < withinMs; i++) {
    await sleep(started + (i * 1000) / rate - performance.now());
    while (running >= inFlight) await sleep(5);
    running++;
    tasks.push(openOne(url).then((result) => {
      running--;
      if (result.connection) {
        connections.push(result.connection);
        latencies.push(result.ms);
        inARow = 0;
        if (connections.length % 100 === 0) process.send({ progress: connections.length });
      } else {
        failed++;
        inARow++;
        firstError ??= result.error;
      }
    }));
  }
  await Promise.all(tasks);
  process.send({ progress: connections.length });
  process.send({ done: { opened: connections.length, failed, firstError, latencies } });
  // Held: the SignalR clients keep pinging. The parent ends this process with SIGTERM.
}

async function openOne(url) {
  const at = performance.now();
  const attempt = (async () => {
    const connection = await connect(url, null, {});
    try {
      await call(connection, 'Start', {});
    } catch (error) {
      connection.stop();
      throw error;
    }
    return connection;
  })();
  try {
    const connection = await within(attempt, openLimitMs);
    if (connection) return { connection, ms: performance.now() - at };
    // Too late: if it opens after all, it is closed, so it does not count on the node unseen.
    attempt.then((late) => late.stop(), () => {});
    return { error: `no answer within ${openLimitMs / 1000} s` };
  } catch (error) {
    return { error: error.code ?? error.message };
  }
}

if (process.argv[1] === self && process.argv[2] === '--child') child();
