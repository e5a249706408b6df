import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import {
  type ClientToServerEvents,
  isAppError,
  type ServerToClientEvents,
  type SubscribeAck,
  SubscribeInput,
} from "@chokepoint/contracts";
import { Server } from "socket.io";
import { audienceOf, buildExerciseView, type ExerciseView } from "../core/index.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import type { SeminarService } from "../seminar/seminar-service.ts";
import type { TableRow } from "../seminar/table-row.ts";
import type { Broadcaster } from "../service/broadcaster.ts";
import type { Caller, ExerciseService } from "../service/exercise-service.ts";
import type { ClusterAdapter } from "./cluster-adapter.ts";
import { emitTime, missionControl, ownedByMissionControl } from "./mission-control.ts";

interface SocketData {
  caller?: Caller;
  /** Mission control's socket: the seminar it watches (a socket is one or the other for life). */
  seminarId?: string;
}

const room = (sessionId: string) => `session:${sessionId}`;
const audienceRoom = (sessionId: string, audience: string) => `session:${sessionId}:${audience}`;
/** Every connection of one participant (a phone and a laptop, say), on whichever process. */
const memberRoom = (sessionId: string, participantId: string) =>
  `session:${sessionId}:member:${participantId}`;

export type ChokepointIo = Server<
  ClientToServerEvents,
  ServerToClientEvents<ExerciseView, TableRow>,
  Record<string, never>,
  SocketData
>;

/** The socket side of the server: its pushes (the service's `Broadcaster`) and its subscriptions. */
export interface AttachedSocket {
  io: ChokepointIo;
  broadcaster: Broadcaster;
  /**
   * Starts taking subscriptions, answered by `service`. Made after the broadcaster, so the
   * service takes its broadcaster when constructed and nothing is set afterwards.
   */
  serve(
    service: Pick<ExerciseService, "open">,
    subscribeWithinMs?: number,
    subscribesPerMinute?: number,
    /** Seminars' mission control (socket `subscribeSeminar`), when the server hosts seminars. */
    seminars?: SeminarService,
  ): void;
}

/**
 * socket.io on the app's HTTP server. A client subscribes with its token and gets its full
 * view; after that each change arrives once per audience room, already filtered, carrying
 * only new history and no scenario (the client keeps the one its full view brought). Views come in with the push (the transport never calls the service).
 */
export function attachSocket(
  http: HttpServer,
  cluster?: ClusterAdapter,
  presenceAfterMs = 250,
  /** Pushes carry the scenario too, as before (benchmarks compare). */
  pushScenario = false,
): AttachedSocket {
  const io: ChokepointIo = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    // A socket carries small JSON messages only.
    maxHttpBufferSize: 64 * 1024,
    ...(cluster ? { adapter: cluster.adapter as never } : {}),
  });
  /**
   * Whether anyone may be listening in a room. With one process the local room list is the
   * truth, and skipping empty rooms saves building views nobody would receive (branch runs push
   * every turn). With an adapter the room's members may be on any process: every push goes
   * through the adapter.
   */
  const mayHaveListeners = (room: string) => !!cluster || io.sockets.adapter.rooms.has(room);
  /** Every socket of this process is in this room (clustered only). */
  const thisProcess = `process:${randomUUID()}`;
  /**
   * A room's members on every process, to emit to or move. A cluster adapter acts on local
   * sockets only after publishing to the others (a database or Redis round trip), which would
   * add that round trip to every push's latency; so local sockets are reached at once, and the
   * adapter carries the same to the others' sockets (every socket not in this process's room).
   */
  const everywhere = (to: string) =>
    cluster ? [io.local.in(to), io.in(to).except(thisProcess)] : [io.in(to)];
  const presenceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Tells an exercise's facilitators who is connected. Asked of the adapter (so sockets on
   * every process count) a moment after a connect or drop, so sixty phones joining at once
   * make one message, not sixty.
   */
  const presenceChanged = (sessionId: string) => {
    if (presenceTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      presenceTimers.delete(sessionId);
      void (async () => {
        const sockets = await io.in(room(sessionId)).fetchSockets();
        const online = new Set<string>();
        for (const s of sockets) if (s.data.caller) online.add(s.data.caller.participantId);
        emitTo(audienceRoom(sessionId, "facilitator"), "presence", { online: [...online] });
        mission?.presence(sessionId, [...online]);
      })().catch((e: unknown) => console.error(`presence of ${sessionId} failed`, e));
    }, presenceAfterMs);
    timer.unref();
    presenceTimers.set(sessionId, timer);
  };
  let mission: ReturnType<typeof missionControl> | undefined;
  const emitTo = <E extends keyof ServerToClientEvents<ExerciseView, TableRow>>(
    to: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents<ExerciseView, TableRow>[E]>
  ): void => {
    for (const op of everywhere(to)) op.emit(event, ...payload);
  };

  const serve: AttachedSocket["serve"] = (
    service,
    subscribeWithinMs = DEFAULT_LIMITS.socketSubscribeMs,
    subscribesPerMinute = DEFAULT_LIMITS.socketSubscribesPerMinute,
    seminars,
  ) => {
    // Mission control answers seminar subscriptions; it needs the seminar service, made after the service.
    if (seminars)
      mission = missionControl({
        seminars,
        emitTo: (to, event, payload) => emitTo(to, event, payload as never),
        mayHaveListeners,
        presenceChanged: (id) => presenceChanged(id),
      });
    io.on("connection", (socket) => {
      if (cluster) void socket.join(thisProcess);
      // A socket that does not subscribe in time holds memory for nothing: drop it.
      const idle = setTimeout(() => {
        if (!socket.data.caller && !socket.data.seminarId) socket.disconnect(true);
      }, subscribeWithinMs);
      socket.on("disconnect", () => {
        clearTimeout(idle);
        if (socket.data.caller) presenceChanged(socket.data.caller.sessionId);
      });
      // Each subscribe builds a full view, and a seminar subscribe every table's row: 3,000
      // subscribes on one socket held the server 2.5–3.2 s, and 3,000 `subscribeSeminar` of a
      // 20-table seminar 17.8 s at once (44 s in all). Both kinds share one allowance: one at a
      // time (a second while one runs is refused at once), and a socket sending more than the
      // limit in a minute is cut off.
      let recent: number[] = [];
      let busy = false;
      const admitted = (reply: (r: SubscribeAck) => void): boolean => {
        const now = Date.now();
        recent = recent.filter((t) => now - t < 60_000);
        recent.push(now);
        if (recent.length <= subscribesPerMinute && !busy) return true;
        reply({
          ok: false,
          code: "rate_limited",
          message: "too many subscriptions on this connection; reconnect in a moment",
          ja: "この接続からの購読要求が多すぎます。少し待ってから接続し直してください",
        });
        if (recent.length > subscribesPerMinute) socket.disconnect(true);
        return false;
      };
      const watching = mission;
      if (watching)
        socket.on("subscribeSeminar", async (raw, ack) => {
          const reply = typeof ack === "function" ? ack : () => {};
          if (!admitted(reply)) return;
          busy = true;
          try {
            await watching.subscribe(socket, raw, reply);
          } finally {
            busy = false;
          }
        });
      socket.on("subscribe", async (raw, ack) => {
        const reply = typeof ack === "function" ? ack : () => {};
        if (!admitted(reply)) return;
        const parsed = SubscribeInput.safeParse(raw);
        if (!parsed.success) {
          reply({
            ok: false,
            code: "invalid_payload",
            message: "subscribe needs { token }",
            ja: "接続に必要な参加情報（トークン）がありません。参加し直してください",
          });
          return;
        }
        busy = true;
        try {
          if (socket.data.seminarId) {
            reply(ownedByMissionControl);
            return;
          }
          // One read of the exercise: who the token is, and the state its first view is built from.
          const { caller, state } = await service.open(parsed.data.token);
          const earlier = socket.data.caller;
          // A socket belongs to one caller for life: a participant who subscribed the same socket
          // with another exercise's facilitator token stayed in the old team's room after being
          // removed there, and kept receiving its pushes.
          if (
            earlier &&
            (earlier.participantId !== caller.participantId ||
              earlier.sessionId !== caller.sessionId)
          ) {
            reply({
              ok: false,
              code: "forbidden",
              message:
                "this connection already belongs to another participant; open a new connection for this token",
              ja: "この接続はすでに別の参加者のものです。このトークンには新しい接続を使ってください",
            });
            return;
          }
          socket.data.caller = caller;
          // Team moves change the audience: leave any earlier audience room of this exercise.
          for (const r of socket.rooms)
            if (r.startsWith(`${room(caller.sessionId)}:`)) await socket.leave(r);
          await socket.join([
            room(caller.sessionId),
            audienceRoom(caller.sessionId, audienceOf(caller)),
            memberRoom(caller.sessionId, caller.participantId),
          ]);
          // The server's clock, so a client can count a turn's deadline down on its own.
          reply({ ok: true, serverTime: Date.now() });
          socket.emit("view", buildExerciseView(state, caller));
          presenceChanged(caller.sessionId);
        } catch (e) {
          reply({
            ok: false,
            code: isAppError(e) ? e.code : "internal",
            message: isAppError(e) ? e.message : "could not subscribe",
            ja: isAppError(e) ? e.ja : "接続できませんでした",
          });
        } finally {
          busy = false;
        }
      });
    });
  };

  const broadcaster: Broadcaster = {
    changed: (push) => {
      mission?.changed(push);
      if (!mayHaveListeners(room(push.sessionId))) return;
      for (const { audience, baseVersion } of push.audiences()) {
        const to = audienceRoom(push.sessionId, audience);
        if (!mayHaveListeners(to)) continue;
        const view = push.view(audience);
        const { history, ...state } = view.state;
        emitTo(to, "push", {
          view: {
            ...view,
            me: null,
            scenario: pushScenario ? (view.scenario as never) : null,
            state: { ...state, history: history.slice(push.historyFrom) },
          },
          baseVersion,
          historyFrom: push.historyFrom,
          // Epoch ms with sub-ms precision lets a client on the same machine measure push latency.
          sentAt: emitTime(),
        });
      }
    },
    message: (sessionId, m) => {
      emitTo(room(sessionId), "message", m);
    },
    memberChanged: (sessionId, member, view, teams) => {
      // Room operations through the adapter, so the participant's connections move on every
      // process (a local socket list would miss those on another one).
      const to = memberRoom(sessionId, member.participantId);
      const audience = audienceOf(member);
      const others = ["facilitator", "observer", ...teams.map((t) => `team:${t}`)].filter(
        (a) => a !== audience,
      );
      for (const op of everywhere(to)) {
        op.socketsLeave(others.map((a) => audienceRoom(sessionId, a)));
        op.socketsJoin(audienceRoom(sessionId, audience));
      }
      emitTo(to, "view", view);
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
  return { io, broadcaster, serve };
}
