import { type Operation, retryLink, type TRPCClientError, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable } from "@trpc/server/observable";

/**
 * Waits before each re-send of a command whose answer was lost: about 16 s in all, longer than
 * a balancer takes to mark a killed process down and send the call to the other one.
 */
export const RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000];

/**
 * A call that got no tRPC answer at all: the connection dropped, or something in between (a
 * balancer's HTML 502/503 page) answered instead of the server. A refusal is JSON with an error
 * shape, and is final.
 */
export function lostAnswer(error: TRPCClientError<AnyRouter>): boolean {
  return error.shape === undefined || error.shape === null;
}

/**
 * Only a command carrying an idempotency key may be sent again: the server binds the key to the
 * command, so a re-send of one that was applied gets the stored result and is not applied twice.
 * A command without a key (create, join) could be applied twice, and is not re-sent.
 */
export function resendable(op: Operation): boolean {
  const input = op.input as { idempotencyKey?: unknown } | null | undefined;
  return op.type === "mutation" && typeof input?.idempotencyKey === "string";
}

/** Which calls are being re-sent now, and how many tries each has had: for the page's notice. */
export interface RetryStatus {
  /** The most tries any call being re-sent has had so far (0 when none is). */
  attempt: number;
  /** How many calls are waiting for an answer after a lost one. */
  calls: number;
}

const retrying = new Map<number, number>();
const listeners = new Set<() => void>();
let status: RetryStatus = { attempt: 0, calls: 0 };

function changed() {
  status = { attempt: Math.max(0, ...retrying.values()), calls: retrying.size };
  for (const l of listeners) l();
}

/** For `useSyncExternalStore`: the page shows "sending again…" while any call is re-sent. */
export const retryStatus = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): RetryStatus => status,
};

/**
 * The links that re-send a command whose answer was lost, with the same idempotency key (the
 * op's input is sent again unchanged), at most `delaysMs.length` times with growing waits. The
 * outer link clears the call from `retryStatus` however it ends.
 */
export function lostAnswerLinks<R extends AnyRouter>(
  delaysMs: readonly number[] = RETRY_DELAYS_MS,
): TRPCLink<R>[] {
  const settle: TRPCLink<R> =
    () =>
    ({ op, next }) =>
      observable((observer) => {
        const done = () => {
          if (retrying.delete(op.id)) changed();
        };
        const sub = next(op).subscribe({
          next: (v) => observer.next(v),
          error: (e) => {
            done();
            observer.error(e);
          },
          complete: () => {
            done();
            observer.complete();
          },
        });
        return () => {
          done();
          sub.unsubscribe();
        };
      });
  const retry = retryLink<R>({
    retry: ({ op, error, attempts }) => {
      const again = resendable(op) && lostAnswer(error) && attempts <= delaysMs.length;
      if (again) {
        retrying.set(op.id, attempts);
        changed();
      }
      return again;
    },
    retryDelayMs: (attempts) => delaysMs[attempts - 1] ?? 0,
  });
  return [settle, retry];
}
