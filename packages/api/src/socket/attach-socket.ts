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
/** The room of everyone in an exercise who sees the same view. */
export function audienceOf(caller: Caller): string {
  if (caller.role === "facilitator") return "facilitator";
  if (caller.role === "participant" && caller.team) return `team:${caller.team}`;
  return "observer";
}
const audienceRoom = (sessionId: string, audience: string) => `session:${sessionId}:${audience}`;

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

  // Each audience room gets its view once (socket.io encodes a room broadcast once); `me` is
  // not in it — clients keep their own from the view they got when subscribing.
  const pushViews = async (sessionId: string) => {
    if (!io.sockets.adapter.rooms.has(room(sessionId))) return;
    for (const { audience, view } of await service.audienceViews(sessionId)) {
      // sentAt (epoch ms, sub-ms precision) lets a client on the same machine measure push latency.
      if (io.sockets.adapter.rooms.has(audienceRoom(sessionId, audience)))
        io.to(audienceRoom(sessionId, audience)).emit("view", {
          ...view,
          me: null,
          sentAt: performance.timeOrigin + performance.now(),
        });
    }
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
        // Team moves change the audience: leave any earlier audience room of this exercise.
        for (const r of socket.rooms)
          if (r.startsWith(`${room(caller.sessionId)}:`)) await socket.leave(r);
        await socket.join([
          room(caller.sessionId),
          audienceRoom(caller.sessionId, audienceOf(caller)),
        ]);
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
    memberChanged: (sessionId, member) => {
      void (async () => {
        for (const s of await io.in(room(sessionId)).fetchSockets()) {
          const caller = s.data.caller;
          if (caller?.participantId !== member.participantId) continue;
          const moved = { ...caller, team: member.team };
          s.data.caller = moved;
          for (const r of s.rooms) if (r.startsWith(`${room(sessionId)}:`)) s.leave(r);
          s.join(audienceRoom(sessionId, audienceOf(moved)));
          const [view] = await service.viewsFor(sessionId, [moved]);
          s.emit("view", view);
        }
      })().catch((e: unknown) => console.error(`moving ${member.participantId} failed`, e));
    },
  };
  return { io, broadcaster };
}
