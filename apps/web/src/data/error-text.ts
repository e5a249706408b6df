"use client";
import { isRefusalReason, refusalText } from "@chokepoint/contracts";
import { TRPCClientError } from "@trpc/client";

/**
 * The message to show for a failed call, in the reader's language: the server's Japanese wording
 * when the page is in Japanese (the i18n hook keeps `<html lang>` current). A call that got no
 * tRPC answer at all (offline, a proxy's error page) has no server wording: say so plainly.
 */
export function errorText(e: unknown): string {
  return errorTextIn(
    e,
    typeof document !== "undefined" && document.documentElement.lang === "ja" ? "ja" : "en",
  );
}

/**
 * The same in a given language: a refusal kept on screen follows a language switch. A refusal
 * of the exercise's rules comes as a reason with parameters, worded here from the one catalogue;
 * other failures carry the server's own two sentences.
 */
export function errorTextIn(e: unknown, locale: "ja" | "en"): string {
  if (e instanceof TRPCClientError) {
    const data = e.data as
      | { ja?: string | null; params?: Record<string, unknown> | null }
      | undefined;
    const reason = data?.params?.reason;
    if (data?.params && isRefusalReason(reason)) return refusalText(reason, data.params, locale);
    // No tRPC answer (a command keeps being re-sent for a while before it comes to this).
    if (!data) return locale === "ja" ? NO_ANSWER_JA : NO_ANSWER_EN;
    return locale === "ja" && data.ja ? data.ja : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

const NO_ANSWER_JA = "サーバーから応答がありませんでした。接続を確かめて、もう一度お試しください";
const NO_ANSWER_EN = "The server did not answer. Check the connection and try again.";

/** A server message in the page's language: its Japanese wording when the page is Japanese. */
export function inReadersLanguage(en: string, ja: string | null | undefined): string {
  return ja && typeof document !== "undefined" && document.documentElement.lang === "ja" ? ja : en;
}
