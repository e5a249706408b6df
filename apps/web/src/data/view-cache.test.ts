import type { ExerciseView } from "@chokepoint/api";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keepView } from "./view-cache";

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
