// What the relay targets (signalr-relay.js, socketio.js) share: the chat's message pattern over a bare room relay,
// so a baseline is measured with the same rooms, rates, churn and ramp as the service target.
// N slots each hold one room at a time with two clients on their own connections, a "youth" side and a "counsellor"
// side. Each side writes every `interval` (uniform, open loop: scheduled from the moment both are in the room); the
// youth side for the room's `length`, the counsellor side until the youth side is done. Then both leave (close their
// connections) and the slot opens a new room.
// A relay stores and numbers nothing, so each side numbers its own messages (seq in the payload) and the other side
// checks them with the Ledger's SideView, as the service's seqs are checked: nothing missing, twice or reordered.
import { between, sleep } from '../lib/pool.js';
import { counsellorText, youthText } from '../lib/texts.js';

// How long the sides wait, after the last send, for the other's messages still on their way.
const drainLimitMs = 10_000;

// client(base, onMessage) opens one connection and resolves to { join(room), send(room, payload), close() };
// join and send resolve once the relay (or, where it does not answer, the connection) took them.
export async function prepareRelay(options, ledger, log, client) {
  log(`relay at ${options.url}: two connections per room, a new room whenever one ends; warming it up`);
  await warmUp(options.url, client);
  const rooms = new Rooms(options, ledger, client);
  return {
    counsellors: options.conversations, // one counsellor side per room; there is no desk to share them
    run: () => rooms.run(options.conversations),
    stop: () => rooms.stop(),
    close: async () => {}, // every room closes its own connections
  };
}

// The service target's account setup runs the node's code paths before the clock starts; this gives the relay the
// same chance (JIT, pools), so its first seconds of compiling are not counted against it: one room, 200 messages
// each way, not measured.
async function warmUp(base, client) {
  const count = 200;
  let received = 0;
  const sides = await Promise.all([0, 1].map(() => client(base, () => received++)));
  try {
    await Promise.all(sides.map((side) => side.join('warm-up')));
    for (let n = 0; n < count; n++) await Promise.all(sides.map((side) => side.send('warm-up', { n })));
    for (let waited = 0; received < 2 * count && waited < drainLimitMs; waited += 20) await sleep(20);
  } finally {
    await Promise.all(sides.map((side) => side.close()));
  }
}

class Rooms {
  constructor(options, ledger, client) {
    Object.assign(this, { options, ledger, client });
    this.rooms = 0;
    this.stopping = false;
  }

  // The same ramp as the service's young people: each slot starts after its share of the shortest conversation
  // (at most a quarter of the run); until stop().
  async run(slots) {
    const ramp = Math.min(this.options.length[0], this.options.durationMs / 4);
    await Promise.all(Array.from({ length: slots }, async (_, slot) => {
      await sleep((slot / slots) * ramp);
      while (!this.stopping) await this.converse();
    }));
  }

  // Sides stop writing at their next scheduled message, and their rooms drain and close.
  stop() {
    this.stopping = true;
  }

  async converse() {
    const { ledger, options } = this;
    const room = `r${++this.rooms}`;
    const sides = [this.side('y', youthText), this.side('c', counsellorText)];
    ledger.counts.conversationsStarted++;
    try {
      await Promise.all(sides.map(async (side) => {
        side.client = await this.client(options.url, (payload) => this.received(side, payload));
      }));
      // Match latency for a relay: from asking to join to both sides in the room, the framework's ceiling for
      // the service's "both sides told".
      const askedAt = performance.now();
      await Promise.all(sides.map((side) => side.client.join(room)));
      const start = performance.now();
      ledger.matched(askedAt, start);
      // As in the service: the youth side decides when the conversation is over (its length, or the run
      // stopping), and the counsellor side writes until then.
      const counsellor = this.writeUntilEnded(sides[1], room, start);
      await this.write(sides[0], room, start, start + between(options.length));
      await counsellor.end();
      if (await this.drained(sides)) ledger.counts.conversationsFinished++;
      else ledger.counts.conversationsUnfinished++;
      for (const side of sides) side.view.close();
    } catch (error) {
      ledger.error(`relay: ${error.message}`);
      await sleep(1000); // a relay that refuses connections should not be hammered in a tight loop
    } finally {
      await Promise.all(sides.map((side) => side.client?.close()));
    }
  }

  side(name, text) {
    return { name, text, view: this.ledger.view(name), client: null, sent: 0, acked: 0, received: 0 };
  }

  // The youth side, as the service's young people write: on schedule until the room's length is over or the run
  // stops; a late timer never pushes the next send back, and every send is awaited before the room drains.
  async write(side, room, start, until) {
    const sends = [];
    let next = start + between(this.options.interval);
    while (next < until) {
      await sleep(next - performance.now());
      if (this.stopping) break;
      sends.push(this.send(side, room, next));
      next += between(this.options.interval);
    }
    await Promise.all(sends);
  }

  // The counsellor side, as the service's desk writes: a message at each scheduled time until end() (the youth
  // side is done), which then awaits every send.
  writeUntilEnded(side, room, start) {
    const sends = [];
    let next = start, timer;
    const schedule = () => {
      next += between(this.options.interval);
      timer = setTimeout(() => {
        sends.push(this.send(side, room, next));
        schedule();
      }, Math.max(0, next - performance.now()));
    };
    schedule();
    return {
      end: async () => {
        clearTimeout(timer);
        await Promise.all(sends);
      },
    };
  }

  async send(side, room, scheduled) {
    const seq = ++side.sent;
    const id = `${room}-${side.name}-${seq}`;
    this.ledger.scheduled(id, scheduled);
    try {
      await side.client.send(room, { id, from: side.name, seq, text: side.text() });
      this.ledger.acked(id);
      side.acked++;
    } catch (error) {
      this.ledger.error(`send: ${error.message}`);
    }
  }

  received(side, payload) {
    // The relays send to the room's others only: a side's own message coming back is a relay fault.
    if (payload?.from === side.name) return this.ledger.error('own-message-echoed');
    if (!side.view.fromEvent({ seq: payload?.seq })) return; // counted as duplicated
    side.received++;
    this.ledger.delivered(payload.id, performance.now());
  }

  // True once each side holds every message the other side's relay took; false after the limit (the rest is lost).
  async drained([a, b]) {
    for (let waited = 0; waited < drainLimitMs; waited += 20) {
      if (a.received >= b.acked && b.received >= a.acked) return true;
      await sleep(20);
    }
    return false;
  }
}
