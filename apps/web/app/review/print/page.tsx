"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";
import { messages } from "../../../src/i18n/messages";
import { api, errorText } from "../../../src/lib/trpc";

type Timeline = Awaited<ReturnType<ReturnType<typeof api>["review"]["timeline"]["query"]>>;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number) => Math.round(v).toLocaleString("en-US");

/**
 * The AAR as a printable page; the server renders it to PDF in Chromium. The token comes in
 * the URL fragment (never sent to the server in a request line or logged).
 */
function Print() {
  const locale = useSearchParams().get("lang") === "ja" ? "ja" : "en";
  const t = (k: keyof typeof messages) => messages[k][locale];
  const [tl, setTl] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get("t");
    api(token)
      .review.timeline.query()
      .then(setTl)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  if (error) return <p data-ready="error">{error}</p>;
  if (!tl) return <p>…</p>;
  const sum = (k: "valueAddedLost" | "spend") => tl.turns.reduce((a, x) => a + x.metrics[k], 0);
  return (
    <article
      data-ready="yes"
      style={{ fontFamily: "'Noto Sans CJK JP', sans-serif", padding: "1rem" }}
    >
      <h1>
        {t("review")}: {tl.scenario.title[locale]}
      </h1>
      <h2>{t("team")}</h2>
      <ul>
        {tl.scenario.teams.map((x) => (
          <li key={x.id}>{x.name[locale]}</li>
        ))}
      </ul>
      <h2>{t("totals")}</h2>
      <table>
        <tbody>
          <tr>
            <th>{t("vaLost")}</th>
            <td>{num(sum("valueAddedLost"))}</td>
          </tr>
          <tr>
            <th>{t("spend")}</th>
            <td>{num(sum("spend"))}</td>
          </tr>
          <tr>
            <th>{t("shortfallShare")} (max)</th>
            <td>{pct(Math.max(0, ...tl.turns.map((x) => x.metrics.shortfallShare)))}</td>
          </tr>
          <tr>
            <th>{t("dependencyShare")}</th>
            <td>{pct(tl.turns[tl.turns.length - 1]?.metrics.controlledShare ?? 0)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t("timeline")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("turn")}</th>
            <th>{t("shortfallShare")}</th>
            <th>{t("vaLost")}</th>
            <th>{t("spend")}</th>
            <th>{t("allDecisions")}</th>
          </tr>
        </thead>
        <tbody>
          {tl.turns.map((x) => (
            <tr key={x.turn}>
              <td>{x.label}</td>
              <td>{pct(x.metrics.shortfallShare)}</td>
              <td>{num(x.metrics.valueAddedLost)}</td>
              <td>{num(x.metrics.spend)}</td>
              <td>
                {Object.entries(x.decisions)
                  .map(
                    ([team, actions]) =>
                      `${team}: ${actions.map((a) => (a.op === "activate" ? a.lever : `${a.op} ${a.tonnes} ${a.lever}`)).join(", ") || "—"}`,
                  )
                  .join(" / ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("notes")}</h2>
      <ul>
        {tl.notes.map((n) => (
          <li key={n.id}>{n.body}</li>
        ))}
      </ul>
    </article>
  );
}

export default function PrintPage() {
  return (
    <Suspense>
      <Print />
    </Suspense>
  );
}
