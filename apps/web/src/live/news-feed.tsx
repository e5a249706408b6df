"use client";
import type { ExerciseView, Message, NewsItem } from "@chokepoint/api";
import { describeEffect } from "../i18n/describe-effect";
import { useI18n } from "../i18n/use-i18n";
import { hhmm } from "../session/decision-words";

export type FeedEntry =
  | { kind: "event"; seq: number; item: NewsItem }
  | { kind: "message"; seq: number; message: Message };

/** Events and the facilitator's messages in one feed, newest first. */
export function feedOf(view: ExerciseView): FeedEntry[] {
  return [
    ...view.news.map((item) => ({ kind: "event" as const, seq: item.seq, item })),
    ...view.messages.map((message) => ({ kind: "message" as const, seq: message.seq, message })),
  ].sort((a, b) => b.seq - a.seq);
}

/** The number of feed entries newer than what this device has read. */
export function unreadCount(view: ExerciseView, readUpTo: number): number {
  return feedOf(view).filter((e) => e.seq > readUpTo).length;
}

/**
 * The team's news feed: each scheduled event and inject as a card (title, text, when in the
 * scenario, what it changes, when it arrived) and each broadcast with its time and author.
 */
export function NewsFeed({
  view,
  readUpTo,
  onRead,
}: {
  view: ExerciseView;
  readUpTo: number;
  onRead: (seq: number) => void;
}) {
  const { t, f, l, locale } = useI18n();
  const feed = feedOf(view);
  const unread = feed.filter((e) => e.seq > readUpTo).length;
  const names = {
    locale,
    material: (id: string) => l(view.scenario.materials.find((m) => m.id === id)?.name) || id,
    sector: (id: string) => l(view.scenario.sectors.find((s) => s.id === id)?.name) || id,
    event: (id: string) => l(view.news.find((n) => n.eventId === id)?.title) || id,
  };
  return (
    <section className="card" id="news" data-testid="news-feed">
      <h3>
        {t("newsTitle")}{" "}
        {unread ? (
          <span className="badge" data-testid="news-unread-in-feed">
            {f("newsUnread", { n: unread })}
          </span>
        ) : null}
      </h3>
      {unread ? (
        <button
          type="button"
          data-testid="news-mark-read"
          onClick={() => onRead(feed[0]?.seq ?? 0)}
        >
          {t("newsMarkRead")}
        </button>
      ) : null}
      {feed.length === 0 ? <p className="muted">{t("newsNone")}</p> : null}
      {feed.map((e) =>
        e.kind === "event" ? (
          <article
            key={`e${e.item.eventId}`}
            className={e.seq > readUpTo ? "news-card unread" : "news-card"}
            data-testid={`news-${e.item.eventId}`}
          >
            <div className="news-meta">
              {e.item.origin === "inject" ? t("newsInject") : t("newsScheduled")} ·{" "}
              <span data-testid="news-date">
                {e.item.lastLabel === null
                  ? f("newsOpen", { from: e.item.startLabel })
                  : e.item.lastLabel === e.item.startLabel
                    ? e.item.startLabel
                    : f("newsSpan", { from: e.item.startLabel, to: e.item.lastLabel })}
              </span>{" "}
              · {f("newsArrived", { time: hhmm(e.item.at, locale) })}
              {e.seq > readUpTo ? <strong> · {t("newsNew")}</strong> : null}
            </div>
            {e.item.applied ? null : (
              <p className="notice" data-testid="news-this-turn">
                {t("newsThisTurn")}
              </p>
            )}
            <h4>{l(e.item.title)}</h4>
            {e.item.description ? <p>{l(e.item.description)}</p> : null}
            <p>
              <strong>{t("newsChanges")}:</strong>{" "}
              <span data-testid="news-effect">{describeEffect(e.item.effect, names)}</span>
            </p>
          </article>
        ) : (
          <article
            key={`m${e.seq}`}
            className={e.seq > readUpTo ? "news-card unread" : "news-card"}
            data-testid="news-message"
          >
            <div className="news-meta">
              {t("newsMessage")} ·{" "}
              {f("newsFrom", {
                name: e.message.by ?? t("someone"),
                time: hhmm(e.message.at, locale),
              })}
              {e.seq > readUpTo ? <strong> · {t("newsNew")}</strong> : null}
            </div>
            <p>{e.message.text}</p>
          </article>
        ),
      )}
    </section>
  );
}
