/**
 * Pushes cross to another process only when it has a socket of that exercise. With the
 * balancer routing each exercise to one owner, an exercise's sockets are nearly always all on
 * the process that writes it; yet socket.io's PostgreSQL adapter sent every push to every other
 * process: each view (over NOTIFY's 8,000 bytes) msgpack-encoded, stored in its table (a durable
 * commit) and read back and decoded by each other process, to reach nobody. Under everyone
 * locking at once that was most of both processes' busy time (adapter, msgpack and their
 * writes: about half of it in a CPU profile, 2026-12-07).
 *
 * Each process tells the others which exercises it has sockets for, as rooms appear and go
 * (batched per turn of the event loop), in full every few seconds and whenever a process joins
 * the cluster. A push to an exercise's rooms crosses only when a live process has that
 * exercise; any other room (a seminar's, a broadcast to all) crosses as before. Believing a
 * process has sockets when it no longer does costs one message; the reverse could miss a push
 * only in the moment between a socket's subscribe on another process and that process's notice
 * arriving (one NOTIFY): the socket's next push then shows a gap, and it subscribes again.
 */

/** The adapter's own messages are 1–13 (socket.io-adapter's MessageType); this one is ours. */
export const PRESENCE_MESSAGE = 101;
/** Exercise ids per notice, keeping it well under NOTIFY's 8,000 bytes (ids are ~25 characters). */
const IDS_PER_NOTICE = 150;

interface PresenceNotice {
  /** Every exercise the sender has sockets for (replaces what was known of it). */
  all?: string[];
  add?: string[];
  del?: string[];
}

interface Message {
  type: number;
  uid?: string;
  data?: unknown;
}

interface BroadcastOptions {
  rooms: Set<string>;
  except?: Set<string>;
  flags?: { local?: boolean } & Record<string, unknown>;
}

/** What this needs of socket.io-adapter's ClusterAdapterWithHeartbeat (some of it protected). */
export interface HeartbeatAdapter {
  uid: string;
  rooms: Map<string, Set<string>>;
  sids: Map<string, Set<string>>;
  /** Live other processes (uid → last heard of); a process silent past the timeout is dropped. */
  nodesMap: Map<string, number>;
  broadcast(packet: unknown, opts: BroadcastOptions): unknown;
  onMessage(message: Message, offset?: string): void;
  publish(message: Message): void;
  close(): unknown;
  on(event: "create-room" | "delete-room", listener: (room: string) => void): unknown;
}

/** The exercise a room belongs to (`session:<id>`, `session:<id>:…`), or undefined. */
export function exerciseOfRoom(room: string): string | undefined {
  if (!room.startsWith("session:")) return undefined;
  const end = room.indexOf(":", "session:".length);
  return end < 0 ? room.slice("session:".length) : room.slice("session:".length, end);
}

/** Whether a room is an exercise's own room, which every socket of it joins. */
const isExerciseRoom = (room: string) =>
  room.startsWith("session:") && room.indexOf(":", "session:".length) < 0;

/**
 * Makes `adapter` send a push to other processes only when one has a socket of its exercise.
 * Returns a function that stops its timer.
 */
export function crossOnlyWhereListened(adapter: HeartbeatAdapter, everyMs = 5000): () => void {
  /** Per other process (uid), the exercises it has sockets for. */
  const remote = new Map<string, Set<string>>();
  const local = () =>
    [...adapter.rooms.keys()].filter(isExerciseRoom).map((r) => r.slice("session:".length));

  const send = (kind: keyof PresenceNotice, ids: string[]) => {
    // `all` with nothing still goes: it tells the others this process has no exercise now.
    if (!ids.length && kind !== "all") return;
    for (let i = 0; i === 0 || i < ids.length; i += IDS_PER_NOTICE)
      adapter.publish({
        type: PRESENCE_MESSAGE,
        // Only the first part of a full list replaces; the rest add to it.
        data: {
          [i === 0 ? kind : kind === "all" ? "add" : kind]: ids.slice(i, i + IDS_PER_NOTICE),
        },
      });
  };
  const pending = { add: new Set<string>(), del: new Set<string>() };
  let scheduled = false;
  const flushSoon = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      send("add", [...pending.add]);
      send("del", [...pending.del]);
      pending.add.clear();
      pending.del.clear();
    });
  };
  adapter.on("create-room", (room) => {
    if (!isExerciseRoom(room)) return;
    const id = room.slice("session:".length);
    pending.del.delete(id);
    pending.add.add(id);
    flushSoon();
  });
  adapter.on("delete-room", (room) => {
    if (!isExerciseRoom(room)) return;
    const id = room.slice("session:".length);
    pending.add.delete(id);
    pending.del.add(id);
    flushSoon();
  });

  const onMessage = adapter.onMessage.bind(adapter);
  adapter.onMessage = (message, offset) => {
    // The adapter's own handling first: it keeps the list of live processes.
    onMessage(message, offset);
    const from = message.uid;
    if (!from || from === adapter.uid) return;
    // A process joining the cluster (socket.io-adapter's INITIAL_HEARTBEAT) learns ours at once.
    if (message.type === 1) send("all", local());
    if (message.type !== PRESENCE_MESSAGE) return;
    const notice = (message.data ?? {}) as PresenceNotice;
    if (notice.all) remote.set(from, new Set(notice.all));
    const known = remote.get(from) ?? new Set<string>();
    for (const id of notice.add ?? []) known.add(id);
    for (const id of notice.del ?? []) known.delete(id);
    remote.set(from, known);
  };

  const listenedElsewhere = (rooms: Set<string>): boolean => {
    // A broadcast to everyone, or to a room that is not an exercise's, crosses as before.
    if (!rooms.size) return true;
    for (const room of rooms) {
      const id = exerciseOfRoom(room);
      if (id === undefined) return true;
      for (const [uid, ids] of remote) if (ids.has(id) && adapter.nodesMap.has(uid)) return true;
    }
    return false;
  };
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    if (opts.flags?.local || listenedElsewhere(opts.rooms)) return broadcast(packet, opts);
    // Meant for other processes only (every local socket excepted): nothing to do here.
    for (const r of opts.except ?? [])
      if ((adapter.rooms.get(r)?.size ?? -1) === adapter.sids.size) return undefined;
    return broadcast(packet, { ...opts, flags: { ...opts.flags, local: true } });
  };

  // In full now and then: a notice lost while a listening connection reconnected is mended.
  const timer = setInterval(() => send("all", local()), everyMs);
  timer.unref();
  const close = adapter.close.bind(adapter);
  adapter.close = () => {
    clearInterval(timer);
    return close();
  };
  return () => clearInterval(timer);
}
