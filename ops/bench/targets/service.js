// The target "service": this chat service over its real protocol (docs/protocol.md). A target prepares everything a
// run needs before the clock starts (here: staff accounts and counsellors on duty), then drives `conversations`
// whole conversations side by side until stopped (and can drop every connection for a fault). Other targets (a bare SignalR relay, a socket.io relay) would
// export the same three functions.
import { counsellors, firstAdmin } from './service-accounts.js';
import { capacity, Desk } from './service-desk.js';
import { Youths } from './service-youth.js';

// Capacity 3 each, and a tenth more counsellors than strictly needed: a counsellor whose chat just ended is still
// wrapping it up when the young person's slot starts the next one.
const counsellorsFor = (conversations) => Math.ceil((conversations * 1.1) / capacity);

export async function prepare(options, ledger, log) {
  // The setup code is the node's own: behind nginx (--setup-url) the admin is set up on that node directly; the
  // admin's cookie then works on every node (sessions are in Redis).
  const admin = await firstAdmin(options.setupUrl ?? options.url, options.setupCodeFile);
  const count = counsellorsFor(options.conversations);
  log(`creating ${count} counsellor accounts (first sign-in sets their own password)`);
  const browsers = await counsellors(options.url, admin, count, 'bench-c', options.accountConcurrency);
  const desk = new Desk(options.url, ledger, options);
  log(`${count} counsellors going on duty with capacity 3`);
  await desk.seat(browsers);
  const youths = new Youths(options.url, ledger, options);
  return {
    counsellors: count,
    run: () => youths.run(options.conversations),
    stop: () => youths.stop(),
    close: () => desk.stop(),
    // The storm fault (lib/faults.js): every connection dropped at once; the number dropped.
    drop: () => youths.drop() + desk.drop(),
  };
}
