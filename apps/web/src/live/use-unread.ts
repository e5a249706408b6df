"use client";
import { useCallback, useEffect, useState } from "react";

const key = (sessionId: string) => `chokepoint:news-read:${sessionId}`;

/**
 * Which news this device has read, per exercise: the log seq up to which the reader marked
 * everything read (kept in the browser, so a refresh does not bring old news back as new).
 */
export function useReadUpTo(sessionId: string): {
  readUpTo: number;
  markRead: (seq: number) => void;
} {
  const [readUpTo, setReadUpTo] = useState(0);
  useEffect(() => {
    setReadUpTo(Number(window.localStorage.getItem(key(sessionId)) ?? 0) || 0);
  }, [sessionId]);
  const markRead = useCallback(
    (seq: number) => {
      setReadUpTo((cur) => {
        const next = Math.max(cur, seq);
        window.localStorage.setItem(key(sessionId), String(next));
        return next;
      });
    },
    [sessionId],
  );
  return { readUpTo, markRead };
}
