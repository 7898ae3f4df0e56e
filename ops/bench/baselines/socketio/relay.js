// The peer baseline: a plain socket.io room relay, the same message pattern as the chat service, nothing stored.
// join(room[, ack]) puts the socket in a room and calls ack() when given, so a client can know it is in;
// send({room, payload}) emits message(payload) to the room's others.
// WebSocket transport only, on 127.0.0.1:RELAY_PORT (default 5301).
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.env.RELAY_PORT ?? 5301);
const http = createServer();
const io = new Server(http, { transports: ["websocket"], serveClient: false });

io.on("connection", (socket) => {
  socket.on("join", (room, ack) => {
    if (typeof room === "string") socket.join(room);
    if (typeof ack === "function") ack();
  });
  socket.on("send", (message) => {
    if (typeof message?.room === "string") socket.to(message.room).emit("message", message.payload);
  });
});

http.listen(port, "127.0.0.1");
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => io.close(() => process.exit(0)));
