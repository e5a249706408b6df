import type { ExerciseView } from "@chokepoint/api";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keepView, viewReaches } from "./view-cache";

const view = (seq: number, team: string | null = "meti") =>
  ({ me: { team, role: "participant" }, session: { seq } }) as unknown as ExerciseView;
const key = [["exercise", "view"], { type: "query" }];

describe("the live view in the query cache", () => {
  it("a late answer never replaces a newer view; a move to another team always does", () => {
    const cache = new QueryClient();
    keepView(cache, key, view(5));
    keepView(cache, key, view(3));
    expect(cache.getQueryData<ExerciseView>(key)?.session.seq).toBe(5);
    keepView(cache, key, view(6));
    expect(cache.getQueryData<ExerciseView>(key)?.session.seq).toBe(6);
    // Another audience (the facilitator moved this participant) is a new view, whatever its seq.
    keepView(cache, key, view(2, "jogmec"));
    expect(cache.getQueryData<ExerciseView>(key)?.me.team).toBe("jogmec");
  });
});

describe("a command's receipt waits for the view it made", () => {
  it("resolves when a push brings the receipt's version, without asking for the view", async () => {
    const cache = new QueryClient();
    keepView(cache, key, view(5));
    let asked = 0;
    const refetch = async () => {
      asked++;
    };
    let done = false;
    const waiting = viewReaches(cache, key, 7, refetch, 60_000).then(() => {
      done = true;
    });
    keepView(cache, key, view(6));
    await Promise.resolve();
    expect(done).toBe(false);
    keepView(cache, key, view(7));
    await waiting;
    expect(done).toBe(true);
    expect(asked).toBe(0);
    // A view already at the version resolves at once.
    await viewReaches(cache, key, 7, refetch, 60_000);
    expect(asked).toBe(0);
  });

  it("asks for the view when no push brings it in time (a socket that is down)", async () => {
    const cache = new QueryClient();
    keepView(cache, key, view(5));
    const refetch = async () => keepView(cache, key, view(8));
    await viewReaches(cache, key, 7, refetch, 20);
    expect(cache.getQueryData<ExerciseView>(key)?.session.seq).toBe(8);
    // A failed read still lets the command finish (the next push brings the view).
    await viewReaches(cache, key, 9, () => Promise.reject(new Error("offline")), 20);
  });
});
