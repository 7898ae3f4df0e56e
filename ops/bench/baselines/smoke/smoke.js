// Smoke check for a baseline relay: two clients join one room, each sends 100 numbered messages, and each must
// receive exactly the other's 100, in order (and none of its own). Exits 0 and prints "ok ..." on success.
// Usage: node smoke.js signalr|socketio http://127.0.0.1:PORT
import * as signalR from "@microsoft/signalr";
import { io } from "socket.io-client";

const [kind, base] = process.argv.slice(2);
const count = 100;
const room = `smoke-${process.pid}`;

// A client as the check sees it: join, send, and a handler for what the relay delivers.
async function signalrClient(onMessage) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/relay`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("Message", onMessage);
  await connection.start();
  return {
    join: () => connection.invoke("Join", room),
    send: (payload) => connection.invoke("Send", room, payload),
    close: () => connection.stop(),
  };
}

async function socketioClient(onMessage) {
  const socket = io(base, { transports: ["websocket"], reconnection: false });
  socket.on("message", onMessage);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return {
    join: () => socket.timeout(5000).emitWithAck("join", room),
    send: async (payload) => { socket.emit("send", { room, payload }); },
    close: async () => { socket.close(); },
  };
}

const connect = { signalr: signalrClient, socketio: socketioClient }[kind];
if (!connect || !base) {
  console.error("usage: node smoke.js signalr|socketio http://127.0.0.1:PORT");
  process.exit(2);
}

const timer = setTimeout(() => fail("timed out after 20 s"), 20_000);
function fail(reason) {
  console.error(`${kind}: ${reason}`);
  process.exit(1);
}

// Each side records what arrives; done when both have the other's `count` messages.
const received = { a: [], b: [] };
let finish;
const finished = new Promise((resolve) => (finish = resolve));
const receiver = (name) => (payload) => {
  received[name].push(payload);
  if (received.a.length >= count && received.b.length >= count) finish();
};

const a = await connect(receiver("a"));
const b = await connect(receiver("b"));
await a.join();
await b.join();

const sendAll = async (client, from) => {
  for (let n = 0; n < count; n++) await client.send({ from, n });
};
await Promise.all([sendAll(a, "a"), sendAll(b, "b")]);
await finished;
// A late extra message (an echo to the sender, a duplicate) would still be in flight: wait a little for it.
await new Promise((resolve) => setTimeout(resolve, 200));

for (const [name, other] of [["a", "b"], ["b", "a"]]) {
  const got = received[name];
  if (got.length !== count) fail(`${name} received ${got.length} messages, expected ${count}`);
  got.forEach((payload, i) => {
    if (payload?.from !== other || payload?.n !== i) fail(`${name}'s message ${i} was ${JSON.stringify(payload)}`);
  });
}
clearTimeout(timer);
await Promise.all([a.close(), b.close()]);
console.log(`ok ${kind}: ${count} messages each way, in order`);
process.exit(0);
