"use client";
import type { Scenario } from "@chokepoint/engine";
import { useI18n } from "../i18n/use-i18n";
import { LineChart } from "../shared/chart/line-chart";
import type { PreviewAnswer } from "./preview-protocol";

/**
 * What each edit shows: per part, days of stock against days to qualify an alternative; per
 * product, output in the calm world beside the shocked one, and the value added at risk.
 */
export function PreviewPanel({
  answer,
  pending,
  base,
}: {
  answer: PreviewAnswer | null;
  pending: boolean;
  base: Scenario | undefined;
}) {
  const { t, f, l, n, locale } = useI18n();
  const p = answer?.preview;
  return (
    <section
      className="card"
      data-testid="preview"
      data-state={pending ? "pending" : p ? "ready" : "blocked"}
    >
      <h3>{t("previewTitle")}</h3>
      {answer?.conversion.map((c) => (
        <p key={c.en} className="error" role="alert">
          {f("previewConversion", { problem: c[locale] })}
        </p>
      ))}
      {!p ? (
        <p className="muted">{pending ? t("authorPreviewRunning") : t("previewWaiting")}</p>
      ) : (
        <>
          <p className="muted" data-testid="preview-ms" data-ms={answer?.ms}>
            {f("previewTime", { ms: answer?.ms ?? 0 })}
            {pending ? ` · ${t("authorPreviewRunning")}` : ""}
          </p>
          <div className="table-scroll">
            <table data-testid="preview-parts">
              <thead>
                <tr>
                  <th>{t("previewComponent")}</th>
                  <th>{t("previewStockDays")}</th>
                  <th>{t("previewRecoverDays")}</th>
                </tr>
              </thead>
              <tbody>
                {p.components.map((c) => (
                  <tr
                    key={c.component}
                    className={c.gapDays ? "at-risk" : undefined}
                    data-testid={`preview-part-${c.component}`}
                  >
                    <td>{locale === "ja" ? c.nameJa : c.nameEn}</td>
                    <td>{n.num(c.stockDays)}</td>
                    <td>
                      {c.recoveryDays === undefined
                        ? t("previewNoAlternative")
                        : n.num(c.recoveryDays)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.components.some((c) => c.gapDays) ? (
            <p className="muted" data-testid="preview-at-risk-legend">
              {t("previewAtRiskLegend")}
            </p>
          ) : null}
          <div className="chart-grid">
            {p.products.map((pr) => (
              <div key={pr.product} data-testid={`preview-product-${pr.product}`}>
                <LineChart
                  testId={`preview-chart-${pr.product}`}
                  title={f("previewOutput", { name: locale === "ja" ? pr.nameJa : pr.nameEn })}
                  labels={p.labels}
                  yMin={0}
                  format={(v) => n.num(v, 2)}
                  series={[
                    { name: t("previewBaseline"), values: pr.baseline },
                    { name: t("previewShocked"), values: pr.shocked },
                  ]}
                />
                <p data-testid="value-at-risk">
                  {f("previewValueAtRisk", {
                    value: `${n.num(pr.valueAtRisk, 1)} ${l(base?.units.money)}`,
                  })}
                </p>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
