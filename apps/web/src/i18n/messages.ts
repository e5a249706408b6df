import { authoringMessages } from "./authoring-messages";
import { baseMessages } from "./base-messages";
import { compareMessages } from "./compare-messages";
import { leverMessages } from "./lever-messages";
import { limitMessages } from "./limit-messages";
import { liveMessages } from "./live-messages";
import { reviewMessages } from "./review-messages";
import { roomMessages } from "./room-messages";
import { seminarDebriefMessages } from "./seminar-debrief-messages";
import { seminarMessages } from "./seminar-messages";

/** Every piece of UI text, in Japanese and English. Keys are grouped by screen. */
export const messages = {
  appName: { ja: "Chokepoint 経済安全保障 机上演習", en: "Chokepoint economic-security exercise" },
  language: { ja: "English", en: "日本語" },
  ...baseMessages,
  ...reviewMessages,
  ...compareMessages,
  ...leverMessages,
  ...liveMessages,
  ...limitMessages,
  ...roomMessages,
  ...authoringMessages,
  ...seminarMessages,
  ...seminarDebriefMessages,
} as const;

export type Locale = "ja" | "en";
export type MessageKey = keyof typeof messages;
