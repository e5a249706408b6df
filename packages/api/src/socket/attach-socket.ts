import type { Server as HttpServer } from "node:http";
import {
  type ClientToServerEvents,
  isAppError,
  type ServerToClientEvents,
  SubscribeInput,
} from "@chokepoint/contracts";
import { Server } from "socket.io";
import { audienceOf, type ExerciseView } from "../core/index.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import type { Broadcaster } from "../service/broadcaster.ts";
import type { Caller, ExerciseService } from "../service/exercise-service.ts";

interface SocketData {
  caller?: Caller;
}

const room = (sessionId: string) => `session:${sessionId}`;
const audienceRoom = (sessionId: string, audience: string) => `session:${sessionId}:${audience}`;

export type ChokepointIo = Server<
  ClientToServerEvents,
  ServerToClientEvents<ExerciseView>,
  Record<string, never>,
  SocketData
>;

/**
 * socket.io on the app's HTTP server. A client subscribes with its token and gets its full
 * view; after that each change arrives once per audience room, already filtered, carrying
 * only new history. Views come in with the push (the transport never calls the service).
 */
export function attachSocket(
  http: HttpServer,
  service: ExerciseService,
  subscribeWithinMs = DEFAULT_LIMITS.socketSubscribeMs,
): { io: ChokepointIo; broadcaster: Broadcaster } {
  const io: ChokepointIo = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    // A socket carries small JSON messages only.
    maxHttpBufferSize: 64 * 1024,
  });

  io.on("connection", (socket) => {
    // A socket that does not subscribe in time holds memory for nothing: drop it.
    const idle = setTimeout(() => {
      if (!socket.data.caller) socket.disconnect(true);
    }, subscribeWithinMs);
    socket.on("disconnect", () => clearTimeout(idle));
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
        // The server's clock, so a client can count a turn's deadline down on its own.
        reply({ ok: true, serverTime: Date.now() });
        socket.emit("view", await service.view(parsed.data.token));
      } catch (e) {
        reply({
          ok: false,
          code: isAppError(e) ? e.code : "internal",
          message: isAppError(e) ? e.message : "could not subscribe",
          ja: isAppError(e) ? (e.ja ?? null) : "接続できませんでした",
        });
      }
    });
  });

  const broadcaster: Broadcaster = {
    changed: (push) => {
      if (!io.sockets.adapter.rooms.has(room(push.sessionId))) return;
      for (const { audience, view, baseVersion } of push.views()) {
        const to = audienceRoom(push.sessionId, audience);
        if (!io.sockets.adapter.rooms.has(to)) continue;
        const { history, ...state } = view.state;
        io.to(to).emit("push", {
          view: {
            ...view,
            me: null,
            state: { ...state, history: history.slice(push.historyFrom) },
          },
          baseVersion,
          historyFrom: push.historyFrom,
          // Epoch ms with sub-ms precision lets a client on the same machine measure push latency.
          sentAt: performance.timeOrigin + performance.now(),
        });
      }
    },
    message: (sessionId, m) => {
      io.to(room(sessionId)).emit("message", m);
    },
    memberChanged: (sessionId, member, view) => {
      void (async () => {
        for (const s of await io.in(room(sessionId)).fetchSockets()) {
          const caller = s.data.caller;
          if (caller?.participantId !== member.participantId) continue;
          const moved = { ...caller, team: member.team };
          s.data.caller = moved;
          for (const r of s.rooms) if (r.startsWith(`${room(sessionId)}:`)) s.leave(r);
          s.join(audienceRoom(sessionId, audienceOf(moved)));
          s.emit("view", view);
        }
      })().catch((e: unknown) => console.error(`moving ${member.participantId} failed`, e));
    },
    memberRemoved: (sessionId, participantId) => {
      void (async () => {
        for (const s of await io.in(room(sessionId)).fetchSockets())
          if (s.data.caller?.participantId === participantId) {
            // Tell the page why before closing: it stops reconnecting and says so.
            s.emit("removed");
            s.disconnect(true);
          }
      })().catch((e: unknown) => console.error(`removing ${participantId} failed`, e));
    },
  };
  return { io, broadcaster };
}
