// Simulated young people on the youth hub: one connection per conversation (as a new visitor would have), Start
// without a topic, wait for a counsellor's `joined`, write at the set rate for the conversation's length, End, and
// wait for the `ended` entry. A slot starts its next young person as soon as one has finished, until the run stops.
//
// A young person whose connection drops comes back as the browser page does (Chat.Client/scripts/youth.js): a new
// connection, Resume with the token, `afterSeq` = the highest seq up to which it holds every entry, and takeOver (its
// own connection dropped, so taking the chat back is right). Resume's entries fill what was missed; sends that had no
// answer are made again with the same clientMessageId, which the server stores once.
import { Link } from '../lib/faults.js';
import { call } from '../lib/hub.js';
import { between, sleep, within } from '../lib/pool.js';
import { youthText } from '../lib/texts.js';

const waitLimitMs = 120_000;

export class Youths {
  constructor(base, ledger, options) {
    Object.assign(this, { base, ledger, options });
    this.conversations = 0;
    this.stopping = false;
    this.live = new Set(); // the young people connected now (the storm drops them)
  }

  // Runs `slots` young people side by side, each starting after its share of the ramp (the shortest conversation,
  // at most a quarter of the run), so the load ramps up instead of arriving all at once; until stop().
  async run(slots) {
    const ramp = Math.min(this.options.length[0], this.options.durationMs / 4);
    await Promise.all(Array.from({ length: slots }, async (_, slot) => {
      await sleep((slot / slots) * ramp);
      while (!this.stopping) await new YoungPerson(this, `y${++this.conversations}`).converse();
    }));
  }

  // Young people stop writing and end their chats (at their next scheduled message at the latest).
  stop() {
    this.stopping = true;
  }

  // The storm: every young person's connection dropped at once. Returns how many.
  drop() {
    let dropped = 0;
    for (const person of this.live) if (person.link.drop()) dropped++;
    return dropped;
  }
}

class YoungPerson {
  constructor(youths, tag) {
    Object.assign(this, { youths, tag, ledger: youths.ledger });
    this.view = this.ledger.view('youth');
    this.token = null;
    this.joined = new Promise((resolve) => { this.onJoined = resolve; });
    this.ended = new Promise((resolve) => { this.onEnded = resolve; });
    this.link = new Link({
      url: `${youths.base}/hubs/youth`,
      handlers: { Message: (message) => { if (this.view.fromEvent(message)) this.receive(message, false); } },
      rejoin: (connection) => this.resume(connection),
      recovery: this.ledger.recovery,
      who: 'youth',
    });
  }

  // An entry new to this young person, live or from Resume's transcript.
  receive(message, viaTranscript) {
    if (message.kind === 'joined') this.onJoined(performance.now());
    if (message.kind === 'text' && message.from === 'counsellor') {
      this.ledger.delivered(message.clientMessageId, performance.now(), viaTranscript);
    }
    if (message.kind === 'ended') this.onEnded();
  }

  async resume(connection) {
    if (this.token === null) throw Object.assign(new Error('no token: Start never answered'), { code: 'no-token' });
    const state = await call(connection, 'Resume', { token: this.token, afterSeq: this.view.complete, takeOver: true });
    for (const message of this.view.fromTranscript(state.messages)) this.receive(message, true);
  }

  async converse() {
    const { ledger, view, link } = this;
    try {
      await link.open();
    } catch (error) {
      ledger.error(`youth-connect: ${error.message}`);
      await sleep(500);
      return;
    }
    this.youths.live.add(this);
    try {
      const queuedAt = performance.now();
      // Not repeated after a drop: without the answer there is no token, so nothing to resume; the slot starts over
      // with a new young person, as a person would press start again (counted as startsLost). The chat left behind
      // waits out the queue's grace period.
      const state = await link.call('Start', { again: false }, {});
      this.token = state.token;
      ledger.counts.conversationsStarted++;
      for (const message of view.fromTranscript(state.messages)) this.receive(message, true);
      const start = await within(this.joined, waitLimitMs);
      if (start === undefined) return this.unfinished();
      ledger.joined(this.tag, queuedAt, start);
      await this.write(start);
      await this.end();
      if (await within(this.ended.then(() => true), 10_000) === undefined) return this.unfinished();
      view.close();
      ledger.counts.conversationsFinished++;
    } catch (error) {
      if (error.code === 'connection-lost' && this.token === null) ledger.counts.startsLost++;
      else ledger.error(error.code ?? `youth-${error.message}`);
      if (this.token !== null) this.unfinished();
    } finally {
      this.youths.live.delete(this);
      await link.close();
    }
  }

  // A repeated End (its first answer was lost with the connection) finds the chat ended already: that is success.
  async end() {
    try {
      await this.link.call('End');
    } catch (error) {
      if (error.code !== 'already-ended') throw error;
    }
  }

  // Sends on schedule until the conversation's length is over or the run stops; every send's reply is awaited
  // before End.
  async write(start) {
    const { options } = this.youths;
    const until = start + between(options.length);
    const sends = [];
    let next = start + between(options.interval);
    let count = 0;
    while (next < until) {
      await sleep(next - performance.now());
      if (this.youths.stopping) break;
      sends.push(this.send(`${this.tag}-${++count}`, next));
      next += between(options.interval);
    }
    await Promise.all(sends);
  }

  // Open loop: the latency of a message counts from `scheduled`, also when its send had to wait for a resume.
  async send(clientMessageId, scheduled) {
    this.ledger.scheduled(clientMessageId, scheduled);
    try {
      await this.link.call('Send', {}, { clientMessageId, text: youthText() });
      this.ledger.acked(clientMessageId);
    } catch (error) {
      this.ledger.refused(error.code ?? `send: ${error.message}`);
    }
  }

  unfinished() {
    this.view.close();
    this.ledger.counts.conversationsUnfinished++;
  }
}
