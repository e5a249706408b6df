import { describe, expect, it } from "vitest";
import { authoringMessages } from "./authoring-messages";
import { baseMessages } from "./base-messages";
import { compareMessages } from "./compare-messages";
import { leverMessages } from "./lever-messages";
import { limitMessages } from "./limit-messages";
import { liveMessages } from "./live-messages";
import { messages } from "./messages";
import { reviewMessages } from "./review-messages";
import { roomMessages } from "./room-messages";
import { seminarDebriefMessages } from "./seminar-debrief-messages";
import { seminarMessages } from "./seminar-messages";

describe("UI text tables", () => {
  it("no key is defined in two tables (a later spread would silently replace the earlier text)", () => {
    const tables = {
      baseMessages,
      leverMessages,
      limitMessages,
      liveMessages,
      reviewMessages,
      compareMessages,
      roomMessages,
      seminarMessages,
      authoringMessages,
      seminarDebriefMessages,
    };
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, table] of Object.entries(tables))
      for (const key of Object.keys(table)) {
        const before = seen.get(key);
        if (before) clashes.push(`${key}: ${before} and ${name}`);
        seen.set(key, name);
      }
    expect(clashes).toEqual([]);
    // And each table's text is the one the app shows (none replaced by the table spread after it).
    const replaced = Object.values(tables).flatMap((table) =>
      Object.entries(table).flatMap(([k, v]) =>
        messages[k as keyof typeof messages] === v ? [] : [k],
      ),
    );
    expect(replaced).toEqual([]);
  });

  it("every text has both Japanese and English", () => {
    const missing = Object.entries(messages)
      .filter(([, v]) => !v.ja.trim() || !v.en.trim())
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });
});
