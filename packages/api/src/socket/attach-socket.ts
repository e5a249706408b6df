import type { Server as HttpServer } from "node:http";
import {
  type ClientToServerEvents,
  isAppError,
  type ServerToClientEvents,
} from "@chokepoint/contracts";
import { Server } from "socket.io";
import { z } from "zod";
import type { Broadcaster } from "../service/broadcaster.ts";
import type { Caller, ExerciseService } from "../service/exercise-service.ts";

interface SocketData {
  caller?: Caller;
}

const SubscribeInput = z.strictObject({ token: z.string().min(10).max(200) });
const room = (sessionId: string) => `session:${sessionId}`;

export type ChokepointIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * socket.io on the app's HTTP server. A client subscribes with its token; it then receives its
 * own filtered view whenever the exercise changes (views are built per viewer on the server —
 * nothing unfiltered is ever emitted).
 */
export function attachSocket(
  http: HttpServer,
  service: ExerciseService,
): { io: ChokepointIo; broadcaster: Broadcaster } {
  const io: ChokepointIo = new Server(http, { path: "/socket.io", serveClient: false });

  const pushViews = async (sessionId: string) => {
    const sockets = await io.in(room(sessionId)).fetchSockets();
    const withCaller = sockets.filter((s) => s.data.caller);
    if (!withCaller.length) return;
    const views = await service.viewsFor(
      sessionId,
      withCaller.map((s) => s.data.caller as Caller),
    );
    withCaller.forEach((s, i) => {
      s.emit("view", views[i]);
    });
  };

  io.on("connection", (socket) => {
    socket.on("subscribe", async (raw, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const parsed = SubscribeInput.safeParse(raw);
      if (!parsed.success) {
        reply({ ok: false, code: "invalid_payload", message: "subscribe needs { token }" });
        return;
      }
      try {
        const caller = await service.identify(parsed.data.token);
        socket.data.caller = caller;
        await socket.join(room(caller.sessionId));
        reply({ ok: true });
        const [view] = await service.viewsFor(caller.sessionId, [caller]);
        socket.emit("view", view);
      } catch (e) {
        reply({
          ok: false,
          code: isAppError(e) ? e.code : "internal",
          message: isAppError(e) ? e.message : "could not subscribe",
        });
      }
    });
  });

  const broadcaster: Broadcaster = {
    sessionChanged: (sessionId) => {
      void pushViews(sessionId).catch((e: unknown) =>
        console.error(`push to ${sessionId} failed`, e),
      );
    },
    message: (sessionId, m) => {
      io.to(room(sessionId)).emit("message", m);
    },
  };
  return { io, broadcaster };
}
