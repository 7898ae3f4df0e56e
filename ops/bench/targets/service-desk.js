// Simulated counsellors on the staff hub: on duty with capacity 3, taking chats (TakeNext) when the queue has
// someone, writing at the set rate until the young person ends, then wrapping up and taking the next.
// The desk sends only as many counsellors to TakeNext as there are people waiting (as a room of people would),
// rather than every free counsellor at every QueueChanged.
import { call, connect } from '../lib/hub.js';
import { between, sleep } from '../lib/pool.js';
import { counsellorText } from '../lib/texts.js';

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

  dispatch() {
    for (const counsellor of this.counsellors) {
      if (this.taking >= this.waiting) return;
      if (counsellor.free > 0 && !counsellor.taking) counsellor.take();
    }
  }

  // Waits (a while) until every counsellor has seen their chats end and wrapped them up; a chat still open then
  // counts as unfinished.
  async stop() {
    for (let waited = 0; waited < 10_000 && this.counsellors.some((c) => c.chats.size > 0); waited += 50) await sleep(50);
    for (const counsellor of this.counsellors) {
      for (const entry of counsellor.chats.values()) {
        clearTimeout(entry.timer);
        entry.view.close();
        this.ledger.counts.conversationsUnfinished++;
      }
    }
    await Promise.all(this.counsellors.map((counsellor) => counsellor.connection?.stop()));
  }
}

class Counsellor {
  constructor(desk, browser, index) {
    Object.assign(this, { desk, browser, index });
    this.chats = new Map(); // conversationId -> { view, timer, sent }
    this.taking = false;
    this.sentCount = 0;
  }

  get free() {
    return 3 - this.chats.size;
  }

  async start() {
    this.connection = await connect(`${this.desk.base}/hubs/staff`, this.browser.cookie, {
      QueueChanged: (queue) => this.desk.queueChanged(queue),
      Message: (event) => this.received(event),
    });
    const duty = await call(this.connection, 'GoOnDuty', 3);
    if (!duty.onDuty) throw new Error('GoOnDuty did not put the counsellor on duty');
  }

  async take() {
    const { desk } = this;
    this.taking = true;
    desk.taking++;
    try {
      const chat = await call(this.connection, 'TakeNext');
      desk.waiting = Math.max(0, desk.waiting - 1);
      desk.ledger.counts.takes++;
      desk.tookAt.set(chat.conversationId, performance.now());
      this.adopt(chat);
    } catch (error) {
      if (error.code === 'nothing-waiting' || error.code === 'already-taken') desk.ledger.counts.takeMisses++;
      else desk.ledger.error(error.code ?? `take: ${error.message}`);
    } finally {
      this.taking = false;
      desk.taking--;
      desk.dispatch();
    }
  }

  adopt(chat) {
    const view = this.desk.ledger.view();
    view.fromTranscript(chat.messages);
    const entry = { view, timer: null, next: performance.now() };
    this.chats.set(chat.conversationId, entry);
    this.schedule(chat.conversationId, entry);
  }

  // Open loop: each message has its time; a late timer or a slow reply does not push the next one back.
  schedule(conversationId, entry) {
    entry.next += between(this.desk.options.interval);
    entry.timer = setTimeout(() => {
      if (!this.chats.has(conversationId)) return;
      this.send(conversationId, entry.next);
      this.schedule(conversationId, entry);
    }, Math.max(0, entry.next - performance.now()));
  }

  async send(conversationId, scheduled) {
    const { ledger } = this.desk;
    const clientMessageId = `c${this.index}-${++this.sentCount}`;
    ledger.scheduled(clientMessageId, scheduled);
    try {
      await call(this.connection, 'Send', { conversationId, clientMessageId, text: counsellorText() });
      ledger.acked(clientMessageId);
    } catch (error) {
      ledger.refused(error.code ?? `send: ${error.message}`);
    }
  }

  received({ conversationId, message }) {
    const entry = this.chats.get(conversationId);
    if (!entry) return;
    if (!entry.view.fromEvent(message)) return;
    if (message.kind === 'text' && message.from === 'youth') {
      this.desk.ledger.delivered(message.clientMessageId, performance.now());
      this.desk.ledger.firstText(message.clientMessageId, this.desk.tookAt.get(conversationId));
    }
    if (message.kind === 'ended') this.finish(conversationId, entry);
  }

  async finish(conversationId, entry) {
    clearTimeout(entry.timer);
    entry.view.close();
    try {
      await call(this.connection, 'WrapUp', { conversationId, outcome: 'support-given' });
    } catch (error) {
      this.desk.ledger.error(error.code ?? `wrap-up: ${error.message}`);
    }
    this.chats.delete(conversationId);
    this.desk.tookAt.delete(conversationId);
    this.desk.dispatch();
  }
}
