"use client";
import type { TableRow } from "@chokepoint/api";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";

/** The facilitator places an unassigned participant on a team (the table's ordinary move). */
export function AssignSelect({
  seminarId,
  row,
  participantId,
}: {
  seminarId: string;
  row: TableRow;
  participantId: string;
}) {
  const { t, l } = useI18n();
  const trpc = useTRPC();
  const assign = useMutation(trpc.seminar.assign.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <select
        aria-label={t("semAssign")}
        data-testid={`mc-assign-${row.label}-${participantId}`}
        value=""
        onChange={(e) =>
          assign
            .mutateAsync({ seminarId, table: row.label, participantId, team: e.target.value })
            .then(
              () => setError(null),
              (x: unknown) => setError(errorText(x)),
            )
        }
      >
        <option value="">{t("semAssign")}</option>
        {row.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {l(team.name)}
          </option>
        ))}
      </select>
      {error ? <span className="error">{error}</span> : null}
    </>
  );
}
