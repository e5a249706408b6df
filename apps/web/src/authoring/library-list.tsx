"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { download } from "../shared/download";
import { CreateFromLibrary } from "./create-from-library";

/** The library: each scenario at its newest version, to edit, export, delete or play. */
export function LibraryList({ onOpen }: { onOpen: (libraryId: string) => void }) {
  const { t, f, locale } = useI18n();
  // Two saves of the same company read alike by name and version: the time tells them apart.
  const savedAt = (iso: string) =>
    new Date(iso).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
    });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.library.list.queryOptions());
  const remove = useMutation(trpc.library.remove.mutationOptions());
  const [playing, setPlaying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (what: () => Promise<unknown>) => {
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const entries = list.data ?? [];
  return (
    <section className="card" data-testid="library">
      <h3>{t("libraryTitle")}</h3>
      {!entries.length ? <p className="muted">{t("libraryNone")}</p> : null}
      <ul className="library-list">
        {entries.map((e) => (
          <li key={e.id} data-testid="library-entry" data-library-id={e.id}>
            <strong>{e.name}</strong>{" "}
            <span className="muted">
              {f("libraryVersion", { version: e.version })} ·{" "}
              <span data-testid="library-saved-at">
                {f("librarySavedAt", { when: savedAt(e.updatedAt) })}
              </span>
            </span>
            <div className="row-buttons">
              <button type="button" data-testid="library-open" onClick={() => onOpen(e.id)}>
                {t("libraryOpen")}
              </button>
              {[false, true].map((anonymise) => (
                <button
                  key={String(anonymise)}
                  type="button"
                  data-testid={anonymise ? "library-export-anonymised" : "library-export"}
                  onClick={() =>
                    act(async () => {
                      const y = await queryClient.fetchQuery(
                        trpc.library.exportYaml.queryOptions({ libraryId: e.id, anonymise }),
                      );
                      const suffix = anonymise ? "-anonymised" : "";
                      download(`${e.id}-v${y.version}${suffix}.yaml`, y.yaml, "application/yaml");
                    })
                  }
                >
                  {t(anonymise ? "libraryExportAnonymised" : "libraryExport")}
                </button>
              ))}
              <button
                type="button"
                data-testid="library-play"
                onClick={() => setPlaying(playing === e.id ? null : e.id)}
              >
                {t("libraryCreateExercise")}
              </button>
              <button
                type="button"
                data-testid="library-delete"
                onClick={() =>
                  window.confirm(f("libraryDeleteConfirm", { name: e.name })) &&
                  act(async () => {
                    await remove.mutateAsync({ libraryId: e.id });
                    await queryClient.invalidateQueries({ queryKey: trpc.library.list.queryKey() });
                  })
                }
              >
                {t("libraryDelete")}
              </button>
            </div>
            {playing === e.id ? (
              <CreateFromLibrary libraryId={e.id} version={e.version} name={e.name} />
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
