// The target "signalr-relay": the bare SignalR relay (ops/bench/baselines/SignalRRelay, hub /hubs/relay) under the
// service's message pattern (relay.js), over WebSockets with the same client and settings as the service target.
import { connect } from '../lib/hub.js';
import { prepareRelay } from './relay.js';

async function signalrClient(base, onMessage) {
  const connection = await connect(`${base}/hubs/relay`, null, { Message: onMessage });
  return {
    join: (room) => connection.invoke('Join', room),
    // Invoke completes once the hub has handed the message to the group, as the service's Send answers.
    send: (room, payload) => connection.invoke('Send', room, payload),
    close: () => connection.stop(),
  };
}

export const prepare = (options, ledger, log) => prepareRelay(options, ledger, log, signalrClient);
