// SignalR connections over WebSockets with the official client, and the service's reply envelope
// ({ ok, value } or { ok: false, error: { code } }) turned into a value or a thrown ChatError.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';

export class ChatError extends Error {
  constructor(error) {
    super(`${error.code}: ${error.message}`);
    this.code = error.code;
  }
}

export const open = { now: 0, peak: 0 };

export async function connect(url, cookie, handlers) {
  const connection = new HubConnectionBuilder()
    .withUrl(url, {
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
      headers: cookie ? { cookie } : {},
    })
    .configureLogging(LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
  connection.onclose(() => open.now--);
  await connection.start();
  open.now++;
  open.peak = Math.max(open.peak, open.now);
  return connection;
}

export async function call(connection, method, ...args) {
  const reply = await connection.invoke(method, ...args);
  if (!reply?.ok) throw new ChatError(reply?.error ?? { code: 'no-envelope', message: JSON.stringify(reply) });
  return reply.value;
}
