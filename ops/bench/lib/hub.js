// SignalR connections over WebSockets with the official client, and the service's reply envelope
// ({ ok, value } or { ok: false, error: { code } }) turned into a value or a thrown ChatError.
import { createRequire } from 'node:module';
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';

// The WebSocket class the SignalR client uses in Node ('ws', resolved from the client's own place), so a connection
// can be given a subclass that remembers its socket: dropAbruptly() needs it, and the client offers no other way.
const NodeWebSocket = createRequire(import.meta.resolve('@microsoft/signalr'))('ws');
const sockets = new WeakMap(); // HubConnection -> its current WebSocket

export class ChatError extends Error {
  constructor(error) {
    super(`${error.code}: ${error.message}`);
    this.code = error.code;
  }
}

export const open = { now: 0, peak: 0 };

// A client connection is open (SignalR here, socket.io in targets/socketio.js): connectionsHeld and connectionsPeak.
export function opened() {
  open.now++;
  open.peak = Math.max(open.peak, open.now);
}

export async function connect(url, cookie, handlers) {
  let connection;
  const WebSocket = class extends NodeWebSocket {
    constructor(...args) {
      super(...args);
      sockets.set(connection, this);
    }
  };
  connection = new HubConnectionBuilder()
    .withUrl(url, {
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
      headers: cookie ? { cookie } : {},
      WebSocket,
    })
    .configureLogging(LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
  connection.onclose(() => open.now--);
  await connection.start();
  opened();
  return connection;
}

// Destroys the connection's socket without a close frame (ws's terminate()): both ends see the connection reset, as
// after a network drop, rather than a clean stop.
export function dropAbruptly(connection) {
  const socket = sockets.get(connection);
  if (socket) socket.terminate();
  else connection.stop().catch(() => {});
}

export async function call(connection, method, ...args) {
  const reply = await connection.invoke(method, ...args);
  if (!reply?.ok) throw new ChatError(reply?.error ?? { code: 'no-envelope', message: JSON.stringify(reply) });
  return reply.value;
}
