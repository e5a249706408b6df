import type { TRPCError } from "@trpc/server";

/**
 * Japanese for the failures tRPC raises itself, before any procedure runs (a body over the size
 * limit, JSON that does not parse, a procedure that does not exist): they carry no AppError, yet
 * reach the same Japanese screens. Their English is tRPC's own message.
 */
const JA: Partial<Record<TRPCError["code"], string>> = {
  PARSE_ERROR: "送られたデータを読み取れませんでした（JSONとして正しくありません）",
  PAYLOAD_TOO_LARGE: "送られたデータが大きすぎます。内容を減らしてからもう一度お試しください",
  NOT_FOUND: "そのような操作はありません。ページを再読み込みしてください",
  METHOD_NOT_SUPPORTED: "この操作はこの方法では呼び出せません",
  BAD_REQUEST: "要求が正しくありません",
  TIMEOUT: "時間内に処理できませんでした。もう一度お試しください",
  TOO_MANY_REQUESTS: "要求が多すぎます。しばらくしてからもう一度お試しください",
  CLIENT_CLOSED_REQUEST: "要求が途中で取り消されました",
};

export function transportErrorJa(code: TRPCError["code"]): string {
  return JA[code] ?? `サーバーが要求を受け付けませんでした（${code}）`;
}
