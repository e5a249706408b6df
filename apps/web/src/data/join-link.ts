"use client";
import { useServerInfo } from "./server-info";

const LOCAL = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * The base URL phones should use: the operator's public URL when set; else the address this
 * page was opened at — unless that is localhost, which no phone can open, in which case the
 * machine's LAN address. `local` says the link still names this machine only (no LAN found).
 */
export function useJoinBase(): { base: string; local: boolean } | null {
  const info = useServerInfo();
  if (!info || typeof window === "undefined") return null;
  if (info.publicUrl) return { base: info.publicUrl, local: false };
  const here = window.location.origin;
  if (!LOCAL.has(window.location.hostname)) return { base: here, local: false };
  return info.lanUrl ? { base: info.lanUrl, local: false } : { base: here, local: true };
}

/** The link (and QR content) that opens the join form with the code filled in. */
export function joinLink(base: string, code: string): string {
  return `${base}/join?code=${encodeURIComponent(code)}`;
}
