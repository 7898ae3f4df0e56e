// Simulated young people on the youth hub: one connection per conversation (as a new visitor would have), Start
// without a topic, wait for a counsellor's `joined`, write at the set rate for the conversation's length, End, and
// wait for the `ended` entry. A slot starts its next young person as soon as one has finished, until the run stops.
import { call, connect } from '../lib/hub.js';
import { between, sleep } from '../lib/pool.js';
import { youthText } from '../lib/texts.js';

const waitLimitMs = 120_000;

export class Youths {
  constructor(base, ledger, options) {
    Object.assign(this, { base, ledger, options });
    this.conversations = 0;
    this.stopping = false;
  }

  // Runs `slots` young people side by side, each starting after its share of the ramp (the shortest conversation,
  // at most a quarter of the run), so the load ramps up instead of arriving all at once; until stop().
  async run(slots) {
    const ramp = Math.min(this.options.length[0], this.options.durationMs / 4);
    await Promise.all(Array.from({ length: slots }, async (_, slot) => {
      await sleep((slot / slots) * ramp);
      while (!this.stopping) await this.converse();
    }));
  }

  // Young people stop writing and end their chats (at their next scheduled message at the latest).
  stop() {
    this.stopping = true;
  }

  async converse() {
    const { ledger } = this;
    const tag = `y${++this.conversations}`;
    const view = ledger.view();
    let joined, ended;
    const joinedAt = new Promise((resolve) => { joined = resolve; });
    const endedAt = new Promise((resolve) => { ended = resolve; });
    const connection = await connect(`${this.base}/hubs/youth`, null, {
      Message: (message) => {
        if (!view.fromEvent(message)) return;
        if (message.kind === 'joined') joined(performance.now());
        if (message.kind === 'text' && message.from === 'counsellor') ledger.delivered(message.clientMessageId, performance.now());
        if (message.kind === 'ended') ended();
      },
    });
    try {
      const queuedAt = performance.now();
      const state = await call(connection, 'Start', {});
      ledger.counts.conversationsStarted++;
      view.fromTranscript(state.messages);
      const start = await within(joinedAt, waitLimitMs);
      if (start === undefined) return this.unfinished(view);
      ledger.joined(tag, queuedAt, start);
      await this.write(connection, tag, start);
      await call(connection, 'End');
      if (await within(endedAt.then(() => true), 10_000) === undefined) return this.unfinished(view);
      view.close();
      ledger.counts.conversationsFinished++;
    } catch (error) {
      ledger.error(error.code ?? `youth-${error.message}`);
    } finally {
      await connection.stop();
    }
  }

  // Sends on schedule until the conversation's length is over or the run stops; every send's reply is awaited
  // before End.
  async write(connection, tag, start) {
    const until = start + between(this.options.length);
    const sends = [];
    let next = start + between(this.options.interval);
    let count = 0;
    while (next < until) {
      await sleep(next - performance.now());
      if (this.stopping) break;
      sends.push(this.send(connection, `${tag}-${++count}`, next));
      next += between(this.options.interval);
    }
    await Promise.all(sends);
  }

  async send(connection, clientMessageId, scheduled) {
    this.ledger.scheduled(clientMessageId, scheduled);
    try {
      await call(connection, 'Send', { clientMessageId, text: youthText() });
      this.ledger.acked(clientMessageId);
    } catch (error) {
      this.ledger.refused(error.code ?? `send: ${error.message}`);
    }
  }

  unfinished(view) {
    view.close();
    this.ledger.counts.conversationsUnfinished++;
  }
}

const within = (promise, ms) => Promise.race([promise, sleep(ms).then(() => undefined)]);
