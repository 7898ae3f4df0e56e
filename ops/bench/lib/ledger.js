// What the run sent and what each side received: latencies from each message's scheduled send time (open loop, so a
// server that falls behind shows as latency, not as a slower sender), and every side's view of every conversation
// checked by seq: nothing missing, nothing twice, nothing out of order. A client that dropped and came back gets what
// it missed from a transcript (Resume's or Snapshot's entries): a text first seen there counts as delivered then.
import { Recovery } from './faults.js';

export class Ledger {
  constructor() {
    this.sent = new Map(); // clientMessageId (unique in the run) -> { scheduled, acked, delivered }
    this.messageLatency = [];
    this.matchLatency = [];
    this.pendingMatch = new Map();
    this.recovery = new Recovery();
    this.counts = { sent: 0, acked: 0, delivered: 0, deliveredViaTranscript: 0, duplicated: 0, outOfOrder: 0, gaps: 0, sendErrors: 0,
      sendsAfterEnd: 0, startsLost: 0, orphanedChats: 0, sentToOrphans: 0, conversationsStarted: 0, conversationsFinished: 0, conversationsUnfinished: 0, takes: 0,
      takeMisses: 0, errors: {}, gapsAt: [] };
  }

  scheduled(id, at) {
    this.sent.set(id, { scheduled: at, acked: false, delivered: false });
    this.counts.sent++;
  }

  acked(id) {
    this.sent.get(id).acked = true;
    this.counts.acked++;
  }

  refused(code) {
    if (code === 'not-active') this.counts.sendsAfterEnd++;
    else this.error(code);
  }

  error(code) {
    this.counts.errors[code] = (this.counts.errors[code] ?? 0) + 1;
    this.counts.sendErrors++;
  }

  // The other side received a text; the sender's own echo is not a delivery. Latency is from the scheduled time
  // however it came: live, or in a transcript after a drop (then it includes the time away, as the person lived it).
  delivered(id, now, viaTranscript = false) {
    const entry = this.sent.get(id);
    if (!entry || entry.delivered) return;
    entry.delivered = true;
    this.counts.delivered++;
    if (viaTranscript) this.counts.deliveredViaTranscript++;
    this.messageLatency.push(now - entry.scheduled);
  }

  // Match latency: from the young person's Start to both sides told (the youth's `joined` entry, the counsellor's
  // TakeNext answer). The two sides meet in the tool at the young person's first text, whose id names the chat.
  joined(youthTag, queuedAt, joinedAt) {
    this.pendingMatch.set(youthTag, { queuedAt, joinedAt });
  }

  firstText(clientMessageId, tookAt) {
    const tag = clientMessageId.split('-')[0];
    const pending = this.pendingMatch.get(tag);
    if (!pending || tookAt === undefined) return;
    this.pendingMatch.delete(tag);
    this.matchLatency.push(Math.max(pending.joinedAt, tookAt) - pending.queuedAt);
  }

  // A chat whose young person's Start answer was lost with a dropped connection: the young person started over,
  // and whatever the counsellor who took the orphan wrote had nobody to reach. Not lost by the service.
  orphaned(ids) {
    this.counts.orphanedChats++;
    for (const id of ids) {
      const entry = this.sent.get(id);
      if (entry && !entry.orphaned) {
        entry.orphaned = true;
        this.counts.sentToOrphans++;
      }
    }
  }

  // Match latency where there is no queue (the relay targets): from asking to join a room to both sides in it.
  matched(askedAt, bothAt) {
    this.matchLatency.push(bothAt - askedAt);
  }

  // Acknowledged by the server but never received by the other side.
  lost() {
    let lost = 0;
    for (const entry of this.sent.values()) if (entry.acked && !entry.delivered && !entry.orphaned) lost++;
    return lost;
  }

  // side: whose view it is ('youth', 'counsellor'; a relay's 'y', 'c'), as `gapsAt` names it.
  view(side) {
    return new SideView(this.counts, side);
  }
}

// One side's view of one conversation: the seqs it holds, from replies (a transcript) and from events.
// Duplicated means the server pushed the same entry twice: an event with a seq already received as an event. A
// transcript and events overlapping is normal (an entry on its way while the transcript was read arrives both ways)
// and is neither a duplicate nor out of order.
export class SideView {
  constructor(counts, side) {
    this.counts = counts;
    this.side = side;
    this.seen = new Set();
    this.events = new Set();
    this.highestEvent = 0;
    this.endedSeq = null;
    this.complete = 0; // every seq up to here is held: what Resume's afterSeq asks from
  }

  // Returns the entries this side did not hold yet, in seq order.
  fromTranscript(messages) {
    const news = [];
    for (const message of messages ?? []) if (this.hold(message)) news.push(message);
    return news.sort((a, b) => a.seq - b.seq);
  }

  // Returns true when the entry is new to this side: neither a duplicate event nor already held from a transcript
  // (what the browser does too: an entry is shown, and acted on, once).
  fromEvent(message) {
    if (this.events.has(message.seq)) {
      this.counts.duplicated++;
      return false;
    }
    this.events.add(message.seq);
    if (message.seq < this.highestEvent) this.counts.outOfOrder++;
    this.highestEvent = Math.max(this.highestEvent, message.seq);
    return this.hold(message);
  }

  // Returns true when this side did not hold the entry yet.
  hold(message) {
    if (this.seen.has(message.seq)) return false;
    this.seen.add(message.seq);
    while (this.seen.has(this.complete + 1)) this.complete++;
    if (message.kind === 'ended') this.endedSeq = message.seq;
    return true;
  }

  // At the end: every entry up to the ending must be here. The first few views with a gap are named in `gapsAt`
  // (side, missing seqs, the ended entry's seq or null), so a failed run says where to look.
  close() {
    const last = this.endedSeq ?? Math.max(this.highestEvent, ...this.seen);
    const missing = [];
    for (let seq = 1; seq <= last; seq++) if (!this.seen.has(seq)) missing.push(seq);
    this.counts.gaps += missing.length;
    if (missing.length && this.counts.gapsAt.length < 10) {
      this.counts.gapsAt.push({ side: this.side, missing: missing.slice(0, 10), endedSeq: this.endedSeq });
    }
  }
}
