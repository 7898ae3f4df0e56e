// What the server processes cost, read from outside: CPU time and resident memory from /proc, and Redis's own
// command counters (INFO commandstats) through redis-cli.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

// User + system CPU seconds the process has used so far.
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks; // utime and stime are fields 14 and 15 of the line
}

export function rssBytes(pid) {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  // A process that has exited but is not reaped yet (a zombie) has no VmRSS: it is gone.
  if (kb === undefined) throw new Error(`process ${pid} has exited`);
  return Number(kb) * 1024;
}

// { command: calls } since the server started.
export function commandStats(port) {
  const info = execFileSync('redis-cli', ['-p', String(port), 'INFO', 'commandstats']).toString();
  const calls = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]] = Number(match[2]);
  return calls;
}

export function difference(after, before) {
  const delta = {};
  for (const [command, calls] of Object.entries(after)) {
    const more = calls - (before[command] ?? 0);
    if (more > 0) delta[command] = more;
  }
  return delta;
}

// Watches MONITOR for a moment and counts the commands clients sent apart from those Lua scripts ran inside the
// server (shown as "[0 lua]"): the share of commandstats' counts that were round trips.
export function monitorSample(port, ms) {
  return new Promise((resolve) => {
    const monitor = spawn('redis-cli', ['-p', String(port), 'monitor']);
    let rest = '';
    const counts = { client: 0, lua: 0, clientCommands: {} };
    monitor.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        if (/^\d+\.\d+ \[\d+ lua\]/.test(line)) counts.lua++;
        else if (/^\d+\.\d+ \[/.test(line)) {
          counts.client++;
          const name = /\] "([^"]+)"/.exec(line)?.[1]?.toLowerCase() ?? '?';
          counts.clientCommands[name] = (counts.clientCommands[name] ?? 0) + 1;
        }
      }
    });
    setTimeout(() => monitor.kill('SIGTERM'), ms);
    monitor.on('close', () => resolve(counts));
  });
}

// Open file descriptors of a process, and how many of them are sockets (its connections, listeners and Redis links).
export function descriptors(pid) {
  const dir = `/proc/${pid}/fd`;
  let fds = 0, sockets = 0;
  for (const fd of readdirSync(dir)) {
    fds++;
    try {
      if (readlinkSync(`${dir}/${fd}`).startsWith('socket:')) sockets++;
    } catch { /* closed while we looked */ }
  }
  return { fds, sockets };
}

// CPU and memory of server processes that may go away under a fault (a node killed) or be replaced (Redis restarted:
// its pid file names the new process). Read every second, so the CPU a process used before it went away still counts;
// cpuSeconds() is the sum over every process seen.
export class Processes {
  constructor(pids, pidFile) {
    this.pids = pids;
    this.pidFile = pidFile;
    this.cpu = new Map();
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
    this.sample();
  }

  // The processes to read now: the given ones, and whichever the pid file names.
  current() {
    const pids = [...this.pids];
    if (this.pidFile) {
      try {
        const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
        if (pid && !pids.includes(pid)) pids.push(pid);
      } catch { /* between a shutdown and the new start */ }
    }
    return pids;
  }

  sample() {
    for (const pid of this.current()) {
      try {
        this.cpu.set(pid, cpuSeconds(pid));
      } catch { /* gone: keeps what it had used */ }
    }
  }

  cpuSeconds() {
    this.sample();
    return [...this.cpu.values()].reduce((a, b) => a + b, 0);
  }

  cpuOf(pid) {
    this.sample();
    return this.cpu.get(pid) ?? null;
  }

  // Null for a process that is gone.
  rss(pid) {
    return rssOrNull(pid);
  }

  // Its open sockets; null for a process that is gone.
  sockets(pid) {
    try {
      return descriptors(pid).sockets;
    } catch {
      return null;
    }
  }

  // The summed RSS of the processes running now.
  totalRss() {
    const values = this.current().map((pid) => this.rss(pid)).filter((v) => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  }

  stop() {
    clearInterval(this.timer);
  }
}

// Resident bytes, or null for a process that is gone.
export function rssOrNull(pid) {
  try {
    return rssBytes(pid);
  } catch {
    return null;
  }
}
