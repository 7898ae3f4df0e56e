// Connection and reply-envelope handling shared by the youth page and the staff console.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

export class HubError extends Error {
  // retryAfter: seconds to wait, with slow-down only.
  constructor(code, message, retryAfter) {
    super(message || code);
    this.code = code;
    this.retryAfter = retryAfter ?? null;
  }
}

// Keep trying for a while after a drop: a phone on a train loses the network often.
const retryDelays = [0, 2000, 5000, 10000, 20000, 30000];
const giveUpAfterMs = 15 * 60 * 1000;

export function createConnection(url) {
  return new HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) =>
        context.elapsedMilliseconds > giveUpAfterMs
          ? null
          : retryDelays[Math.min(context.previousRetryCount, retryDelays.length - 1)],
    })
    // Warning and up only: traces would write message contents to the console.
    .configureLogging(LogLevel.Warning)
    .build();
}

export function isConnected(connection) {
  return connection.state === HubConnectionState.Connected;
}

// Invokes a hub method and unwraps { ok, value } / { ok: false, error: { code, message } }.
// Throws HubError; a call that never got an answer becomes 'connection-lost'.
export async function call(connection, method, ...args) {
  let reply;
  try {
    reply = await connection.invoke(method, ...args);
  } catch (error) {
    const code = isConnected(connection) ? 'server-error' : 'connection-lost';
    throw new HubError(code, String(error?.message ?? error));
  }
  if (reply?.ok) return reply.value ?? null;
  throw new HubError(reply?.error?.code ?? 'server-error', reply?.error?.message ?? '', reply?.error?.retryAfter);
}

// For calls whose failure the person does not need to hear about (typing, quick exit).
export function fireAndForget(connection, method, ...args) {
  if (!isConnected(connection)) return;
  connection.invoke(method, ...args).catch(() => {});
}

// Asks the hub each time a <details> opens, so what it lists is current (coordinators edit during a shift).
export function loadOnOpen(details, connection, method, render, showError) {
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    try {
      render(await call(connection, method));
      showError(null);
    } catch (error) {
      showError(error);
    }
  });
}
