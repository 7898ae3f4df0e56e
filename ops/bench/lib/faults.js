// Faults under load (issue 8): connections that drop and come back the way real clients come back, and the fault a
// run injects halfway (--fault storm | kill-node | restart-redis). Three parts:
//   Recovery  what every client reports: when it dropped, when it was back (or gave up), which refusals it retried;
//   Link      one simulated client's hub connection that survives drops: reconnects with a short jittered backoff,
//             runs the client's own rejoin (Resume for a young person, Snapshot for a counsellor), and retries calls
//             that are safe to repeat;
//   Fault     the orchestration load.js starts: at the set moment, drop every connection (storm) or run a command
//             (kill-node, restart-redis), and the `fault` section of the result.
import { spawn } from 'node:child_process';
import { ChatError, call, connect, dropAbruptly } from './hub.js';
import { sleep } from './pool.js';
import { percentile } from './report.js';

const faultKinds = ['storm', 'kill-node', 'restart-redis'];

// A client that has not managed to rejoin within this long stops trying and counts as unresumed.
const giveUpMs = 60_000;
// Between reconnect attempts: short, and jittered so a thousand clients dropped together do not come back in lockstep.
const backoff = () => sleep(100 + Math.random() * 400);
// Refusals that mean "nothing was done, try again" (docs/protocol.md: `unavailable` while the node cannot reach Redis;
// `server-error` is unexpected, but a Redis error other than a lost connection, e.g. LOADING while it reads its AOF,
// surfaces as it). A call refused with one of these is repeated until it is answered or giveUpMs has passed.
const tryAgain = new Set(['unavailable', 'server-error']);

export class Recovery {
  constructor() {
    this.drops = []; // { who, at, resumedAt? } per drop, in the order they happened
    this.refusals = {}; // code -> count of retried refusals
    this.firstRefusal = null;
    this.lastRefusal = null;
    this.resent = 0; // calls repeated after a drop (a Send keeps its clientMessageId)
    this.held = 0; // calls made while the link was down: they waited for it to come back
    this.unresumed = 0;
  }

  dropped(who, at) {
    const drop = { who, at, resumedAt: null };
    this.drops.push(drop);
    return drop;
  }

  refused(code) {
    const now = performance.now();
    this.refusals[code] = (this.refusals[code] ?? 0) + 1;
    this.firstRefusal ??= now;
    this.lastRefusal = now;
  }
}

// One client's connection, kept up across drops. `rejoin(connection)` is the client's own way back (it gets the fresh
// connection and must call what the real client calls); `handlers` are its hub events, registered on every
// connection. Set `closing` before closing on purpose so the close is not taken for a drop.
export class Link {
  constructor({ url, cookie = null, handlers, rejoin, recovery, who }) {
    Object.assign(this, { url, cookie, handlers, rejoin, recovery, who });
    this.connection = null;
    this.recovering = null; // a promise while the link is down and coming back
    this.gaveUp = false;
    this.closing = false;
  }

  get up() {
    return this.connection !== null && this.recovering === null && !this.gaveUp;
  }

  async open() {
    this.connection = await this.connectOnce();
  }

  async connectOnce() {
    const connection = await connect(this.url, this.cookie, this.handlers);
    connection.onclose(() => {
      if (connection === this.connection) this.lost();
    });
    return connection;
  }

  // The tool's storm: the socket is destroyed without a close frame, as when a phone loses its network or a NAT
  // forgets the flow. Neither side runs a clean close: the client sees an abnormal close (1006), the server a reset
  // connection, so OnDisconnected runs as after a real drop. The drop is timed from here, not from the close event.
  drop() {
    if (!this.up) return false;
    const at = performance.now();
    // Socket first: coming back starts by stopping the old connection, which would otherwise close it cleanly.
    dropAbruptly(this.connection);
    this.lost(at);
    return true;
  }

  // The connection is gone (close event, or a call that failed because of it): start coming back, once.
  lost(at = performance.now()) {
    if (this.closing || this.recovering || this.gaveUp) return this.recovering;
    const drop = this.recovery.dropped(this.who, at);
    this.recovering = this.comeBack(drop).finally(() => { this.recovering = null; });
    return this.recovering;
  }

  async comeBack(drop) {
    const old = this.connection;
    old?.stop().catch(() => {});
    while (!this.closing) {
      if (performance.now() - drop.at > giveUpMs) break;
      await backoff();
      let connection;
      try {
        connection = await this.connectOnce();
      } catch {
        continue; // the node is not there (yet): try again
      }
      try {
        // Events may arrive on the new connection before rejoin answers; the client's handlers must accept them then.
        this.connection = connection;
        await this.rejoin(connection);
        drop.resumedAt = performance.now();
        return;
      } catch (error) {
        this.connection = null;
        if (error.code && !tryAgain.has(error.code)) {
          // Refused for good (the conversation is unknown, the session ended): no retry can help.
          this.recovery.refusals[error.code] = (this.recovery.refusals[error.code] ?? 0) + 1;
          break;
        }
        if (error.code) this.recovery.refused(error.code);
        connection.stop().catch(() => {});
      }
    }
    if (!this.closing) {
      this.gaveUp = true;
      this.recovery.unresumed++;
    }
  }

  // Calls a hub method. A refusal meaning "try again" is retried with backoff; when the connection drops under the
  // call, the call waits for the link to come back and, if `again` (the call is safe to repeat: a Send with the same
  // clientMessageId, End, WrapUp), is made again on the new connection; otherwise the drop is thrown as code
  // 'connection-lost' (the caller knows what the repeat would have meant).
  async call(method, { again = true } = {}, ...args) {
    const started = performance.now();
    let repeated = false;
    if (this.recovering) this.recovery.held++;
    for (;;) {
      if (this.recovering) await this.recovering;
      if (this.gaveUp) throw new ChatError({ code: 'unresumed', message: `${this.who} never came back` });
      if (this.closing) throw new ChatError({ code: 'closing', message: 'the run is over' });
      const connection = this.connection;
      try {
        const value = await call(connection, method, ...args);
        if (repeated) this.recovery.resent++;
        return value;
      } catch (error) {
        if (error.code && tryAgain.has(error.code) && performance.now() - started < giveUpMs) {
          this.recovery.refused(error.code);
          await backoff();
          continue;
        }
        if (error.code) throw error;
        // No reply at all: the connection went away under the call (or was already gone).
        if (connection === this.connection) this.lost();
        if (!again) throw new ChatError({ code: 'connection-lost', message: String(error.message) });
        repeated = true;
      }
    }
  }

  async close() {
    this.closing = true;
    await this.connection?.stop().catch(() => {});
  }
}

// The fault of one run: at `atMs` after the load started, `storm` drops every client's connection at once through
// the target (target.drop(): the number dropped); `kill-node` and `restart-redis` run `bash -c command` (ops/bench.sh
// builds it: SIGKILL of a node behind nginx, or a Redis shutdown and start on the same port) and clients notice for
// themselves. report() gives the `fault` section.
export class Fault {
  constructor({ kind, atMs, command }, recovery, log) {
    if (!faultKinds.includes(kind)) throw new Error(`--fault must be one of ${faultKinds.join(', ')}`);
    if (kind !== 'storm' && !command) throw new Error(`--fault ${kind} needs --fault-command`);
    Object.assign(this, { kind, atMs, command, recovery, log });
    this.at = null;
    this.droppedByTool = null;
    this.commandResult = null;
  }

  // Arms the fault relative to the load's start (`startedAt`, performance.now()); `target` is the running target.
  arm(startedAt, target) {
    this.startedAt = startedAt;
    this.timer = setTimeout(() => { this.done = this.fire(target); }, this.atMs);
  }

  async fire(target) {
    this.at = performance.now();
    if (this.kind === 'storm') {
      this.droppedByTool = target.drop();
      this.log(`fault: storm, ${this.droppedByTool} connections dropped`);
      return;
    }
    this.log(`fault: ${this.kind}: ${this.command}`);
    this.commandResult = await run(this.command);
    this.log(`fault: command exited ${this.commandResult.exitCode} after ${this.commandResult.seconds} s`);
  }

  // Waits for a command still running (the run ends only after a restart has finished).
  async settle() {
    clearTimeout(this.timer);
    await this.done;
  }

  report() {
    const r = this.recovery;
    const resumeMs = r.drops.filter((d) => d.resumedAt !== null).map((d) => d.resumedAt - d.at);
    const sinceFaultMs = this.at === null ? [] : r.drops.filter((d) => d.resumedAt !== null && d.at >= this.at - 1)
      .map((d) => d.resumedAt - this.at);
    const within5s = resumeMs.filter((ms) => ms <= 5000).length;
    const count = (who) => r.drops.filter((d) => d.who === who).length;
    const seconds = (t) => (t === null ? null : Math.round((t - this.startedAt) / 100) / 10);
    return {
      kind: this.kind,
      command: this.command ?? null,
      commandExitCode: this.commandResult?.exitCode ?? null,
      commandSeconds: this.commandResult?.seconds ?? null,
      atSeconds: seconds(this.at),
      connectionsDroppedByTool: this.droppedByTool,
      // Every drop in the run (a client that dropped twice counts twice), whatever caused it.
      clientsDropped: r.drops.length,
      youthDropped: count('youth'),
      counsellorsDropped: count('counsellor'),
      resumed: resumeMs.length,
      unresumed: r.unresumed,
      // Still coming back when the run closed (a drop during the drain): neither resumed nor given up.
      notBackAtEnd: r.drops.length - resumeMs.length - r.unresumed,
      // From the drop (the tool's drop, or the client seeing its connection close) to the rejoin's answer.
      timeToResumeMs: spread(resumeMs),
      // From the fault moment to the rejoin's answer, for drops at or after it.
      sinceFaultMs: spread(sinceFaultMs),
      resumedWithin5sShare: r.drops.length ? Math.round((within5s / r.drops.length) * 1000) / 1000 : null,
      callsRepeatedAfterDrop: r.resent,
      callsHeldWhileDown: r.held,
      // Refusals the clients retried (or, for codes no retry helps, gave up on), by code, and from the first to the last.
      refusals: r.refusals,
      firstRefusalAtSeconds: seconds(r.firstRefusal),
      lastRefusalAtSeconds: seconds(r.lastRefusal),
      refusedForSeconds: r.firstRefusal === null ? null : Math.round((r.lastRefusal - r.firstRefusal) / 100) / 10,
    };
  }
}

function spread(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (q) => (sorted.length ? Math.round(percentile(sorted, q)) : null);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

function run(command) {
  const started = performance.now();
  return new Promise((resolve) => {
    // The command's output goes to stderr with the tool's log: stdout carries only the result JSON.
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 2, 2] });
    const done = (exitCode) => resolve({ exitCode, seconds: Math.round((performance.now() - started) / 100) / 10 });
    child.on('error', () => done(-1));
    child.on('exit', (code, signal) => done(code ?? `signal ${signal}`));
  });
}
