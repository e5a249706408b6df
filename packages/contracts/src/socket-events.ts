/**
 * The socket.io event map, shared by server and clients (typed `Server<ClientToServer,
 * ServerToClient>`). Inbound payloads are also parsed with zod on the server: types do not validate.
 */
export interface ServerToClientEvents {
  /** The viewer's whole view after a change, already filtered for them. */
  view: (view: unknown) => void;
  /** A facilitator message to everyone in the exercise. */
  message: (m: { seq: number; text: string; at: string }) => void;
}

export interface ClientToServerEvents {
  /** Join the rooms this token may see; the server answers with the current view. */
  subscribe: (
    input: { token: string },
    ack: (r: { ok: true } | { ok: false; code: string; message: string }) => void,
  ) => void;
}
