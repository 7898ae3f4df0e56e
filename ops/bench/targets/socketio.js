// The target "socketio": the plain socket.io relay (ops/bench/baselines/socketio/relay.js) under the service's
// message pattern (relay.js), WebSocket transport only.
import { io } from 'socket.io-client';
import { open, opened } from '../lib/hub.js';
import { prepareRelay } from './relay.js';

const joinLimitMs = 30_000;

async function socketioClient(base, onMessage) {
  // forceNew: one real connection per side, never two sides multiplexed over one socket.
  const socket = io(base, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('message', onMessage);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  // Counted with the SignalR connections (lib/hub.js), so connectionsHeld and connectionsPeak mean the same.
  opened();
  socket.once('disconnect', () => open.now--);
  return {
    join: (room) => socket.timeout(joinLimitMs).emitWithAck('join', room),
    // relay.js answers no send: a message counts as taken once it is written to the socket.
    send: async (room, payload) => { socket.emit('send', { room, payload }); },
    close: async () => { socket.close(); },
  };
}

export const prepare = (options, ledger, log) => prepareRelay(options, ledger, log, socketioClient);
