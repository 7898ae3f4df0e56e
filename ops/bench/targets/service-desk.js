// Simulated counsellors on the staff hub: on duty with capacity 3, taking chats (TakeNext) when the queue has
// someone, writing at the set rate until the young person ends, then wrapping up and taking the next.
// The desk sends only as many counsellors to TakeNext as there are people waiting (as a room of people would),
// rather than every free counsellor at every QueueChanged.
//
// A counsellor whose connection drops comes back as the console does (Chat.Client/scripts/staff.js): a new connection
// with the same cookie, then Snapshot, which returns the duty, the queue and the counsellor's own chats with their
// transcripts. Duty and chats survive a drop on the server, so nothing has to be joined again; the tool still goes on
// duty again if the snapshot says it is off. What a transcript holds that the counsellor missed counts as delivered
// then; a chat the snapshot has that the tool does not (TakeNext answered into a dropped connection) is adopted.
import { Link } from '../lib/faults.js';
import { call } from '../lib/hub.js';
import { between, sleep } from '../lib/pool.js';
import { counsellorText } from '../lib/texts.js';

// Chats each simulated counsellor holds at once (GoOnDuty's capacity).
export const capacity = 3;

export class Desk {
  constructor(base, ledger, options) {
    Object.assign(this, { base, ledger, options });
    this.counsellors = [];
    this.queueVersion = -1;
    this.waiting = 0;
    this.taking = 0;
    this.tookAt = new Map(); // conversationId -> when the counsellor's TakeNext answered
  }

  async seat(browsers) {
    this.counsellors = browsers.map((browser, index) => new Counsellor(this, browser, index));
    for (const counsellor of this.counsellors) await counsellor.start();
  }

  queueChanged(queue) {
    if (queue.version <= this.queueVersion) return;
    this.queueVersion = queue.version;
    this.waiting = queue.waiting.length;
    this.dispatch();
  }

  // Only counsellors whose connection is up: one coming back takes nothing until it is back.
  dispatch() {
    for (const counsellor of this.counsellors) {
      if (this.taking >= this.waiting) return;
      if (counsellor.free > 0 && !counsellor.taking && counsellor.link.up) counsellor.take();
    }
  }

  // The storm: every counsellor's connection dropped at once. Returns how many.
  drop() {
    return this.counsellors.filter((counsellor) => counsellor.link.drop()).length;
  }

  // Waits (a while) until every counsellor has seen their chats end and wrapped them up; a chat still open then
  // counts as unfinished, unless it is an orphan: some young person's Start answer was lost with a drop (they
  // started over), and this chat never had a word from its young person, so it is most likely theirs.
  async stop() {
    for (let waited = 0; waited < 10_000 && this.counsellors.some((c) => c.chats.size > 0); waited += 50) await sleep(50);
    let orphans = this.ledger.counts.startsLost;
    for (const counsellor of this.counsellors) {
      for (const entry of counsellor.chats.values()) {
        clearTimeout(entry.timer);
        if (orphans > 0 && !entry.heardYouth) {
          orphans--;
          this.ledger.orphaned(entry.sentIds);
          continue;
        }
        entry.view.close();
        this.ledger.counts.conversationsUnfinished++;
      }
    }
    await Promise.all(this.counsellors.map((counsellor) => counsellor.link.close()));
  }
}

class Counsellor {
  constructor(desk, browser, index) {
    Object.assign(this, { desk, browser, index });
    this.chats = new Map(); // conversationId -> { view, timer, next, finishing }
    this.done = new Set(); // wrapped up: a snapshot or a late event about them is not news
    this.taking = false;
    this.sentCount = 0;
    this.link = new Link({
      url: `${desk.base}/hubs/staff`,
      cookie: browser.cookie,
      handlers: {
        QueueChanged: (queue) => this.desk.queueChanged(queue),
        Message: (event) => this.received(event),
      },
      rejoin: (connection) => this.rejoin(connection),
      recovery: desk.ledger.recovery,
      who: 'counsellor',
    });
  }

  get free() {
    return capacity - this.chats.size;
  }

  async start() {
    await this.link.open();
    const duty = await this.link.call('GoOnDuty', {}, capacity);
    if (!duty.onDuty) throw new Error('GoOnDuty did not put the counsellor on duty');
  }

  // On the fresh connection, before the link counts as up: calls go straight to it (the link's own call would wait
  // for this rejoin to finish). What needs the link afterwards (wrapping up an ended chat) is started, not awaited.
  async rejoin(connection) {
    let state = await call(connection, 'Snapshot');
    if (!state.duty.onDuty) {
      await call(connection, 'GoOnDuty', capacity);
      state = await call(connection, 'Snapshot');
    }
    this.sync(state.chats);
    this.desk.queueChanged({ version: state.queueVersion, waiting: state.waiting });
    setImmediate(() => this.desk.dispatch());
  }

  sync(chats) {
    for (const chat of chats ?? []) {
      if (this.done.has(chat.conversationId) || chat.wrappedUp) continue;
      const entry = this.chats.get(chat.conversationId);
      if (entry) this.fromTranscript(chat.conversationId, entry, chat.messages);
      else this.adopt(chat);
    }
  }

  async take() {
    const { desk } = this;
    this.taking = true;
    desk.taking++;
    try {
      // Not repeated after a drop: the chat may have been taken all the same, and the next snapshot will say so.
      const chat = await this.link.call('TakeNext', { again: false });
      desk.waiting = Math.max(0, desk.waiting - 1);
      desk.ledger.counts.takes++;
      desk.tookAt.set(chat.conversationId, performance.now());
      if (!this.chats.has(chat.conversationId)) this.adopt(chat);
    } catch (error) {
      if (error.code === 'nothing-waiting' || error.code === 'already-taken') desk.ledger.counts.takeMisses++;
      else if (error.code === 'connection-lost') this.resyncAfterLostTake();
      else desk.ledger.error(error.code ?? `take: ${error.message}`);
    } finally {
      this.taking = false;
      desk.taking--;
      desk.dispatch();
    }
  }

  // A TakeNext whose answer was lost with the connection may still have been carried out after the rejoin's
  // snapshot (the server finishes a call whose connection went away): look once more when the link is back.
  async resyncAfterLostTake() {
    try {
      this.sync((await this.link.call('Snapshot')).chats);
    } catch (error) {
      this.desk.ledger.error(error.code ?? `snapshot: ${error.message}`);
    }
  }

  adopt(chat) {
    const entry = { view: this.desk.ledger.view('counsellor'), timer: null, next: performance.now(), finishing: false,
      heardYouth: false, sentIds: [] };
    this.chats.set(chat.conversationId, entry);
    this.fromTranscript(chat.conversationId, entry, chat.messages);
    if (!entry.finishing) this.schedule(chat.conversationId, entry);
  }

  // Open loop: each message has its time; a late timer or a slow reply does not push the next one back.
  schedule(conversationId, entry) {
    entry.next += between(this.desk.options.interval);
    entry.timer = setTimeout(() => {
      if (!this.chats.has(conversationId) || entry.finishing) return;
      this.send(conversationId, entry, entry.next);
      this.schedule(conversationId, entry);
    }, Math.max(0, entry.next - performance.now()));
  }

  // Latency counts from `scheduled`, also when the send waited for the link to come back and was made again.
  async send(conversationId, entry, scheduled) {
    const { ledger } = this.desk;
    const clientMessageId = `c${this.index}-${++this.sentCount}`;
    entry.sentIds.push(clientMessageId);
    ledger.scheduled(clientMessageId, scheduled);
    try {
      await this.link.call('Send', {}, { conversationId, clientMessageId, text: counsellorText() });
      ledger.acked(clientMessageId);
    } catch (error) {
      ledger.refused(error.code ?? `send: ${error.message}`);
    }
  }

  received({ conversationId, message }) {
    const entry = this.chats.get(conversationId);
    if (entry && entry.view.fromEvent(message)) this.news(conversationId, entry, message, false);
  }

  fromTranscript(conversationId, entry, messages) {
    for (const message of entry.view.fromTranscript(messages)) this.news(conversationId, entry, message, true);
  }

  // An entry new to this counsellor, live or from a transcript (TakeNext's, or a snapshot's after a drop).
  news(conversationId, entry, message, viaTranscript) {
    if (message.kind === 'text' && message.from === 'youth') {
      entry.heardYouth = true;
      this.desk.ledger.delivered(message.clientMessageId, performance.now(), viaTranscript);
      this.desk.ledger.firstText(message.clientMessageId, this.desk.tookAt.get(conversationId));
    }
    if (message.kind === 'ended') this.finish(conversationId, entry);
  }

  async finish(conversationId, entry) {
    if (entry.finishing) return;
    entry.finishing = true;
    clearTimeout(entry.timer);
    // The `ended` entry can come live on a new connection before the rejoin's snapshot answers, and what was written
    // while the counsellor was away is in that snapshot (as the console fills its transcript): judge the view after it.
    await this.link.recovering;
    entry.view.close();
    try {
      await this.link.call('WrapUp', {}, { conversationId, outcome: 'support-given' });
    } catch (error) {
      // A repeated WrapUp whose first answer was lost with the connection finds it done already.
      if (error.code !== 'already-wrapped-up') this.desk.ledger.error(error.code ?? `wrap-up: ${error.message}`);
    }
    this.chats.delete(conversationId);
    this.done.add(conversationId);
    this.desk.tookAt.delete(conversationId);
    this.desk.dispatch();
  }
}
