import { z } from "zod";

/** Every user-visible string in a scenario exists in Japanese and English. */
export const LocalizedText = z.strictObject({
  // Bounded: custom injects and imports carry these texts into the log and its snapshots.
  ja: z.string().min(1, "Japanese text must not be empty").max(5000),
  en: z.string().min(1, "English text must not be empty").max(5000),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Locale = z.enum(["ja", "en"]);
export type Locale = z.infer<typeof Locale>;

/** A short machine id: lower-case letters, digits, `_` and `-`, starting with a letter. */
export const Id = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]*$/,
    "ids use lower-case letters, digits, '_' or '-' and start with a letter",
  );

/** ISO 3166-1 alpha-2 country code, or a region code such as "EU" or "ROW" (rest of world). */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2,3}$/, "country codes are 2–3 capital letters, e.g. CN, JP, AU, ROW");

/** A citation for a calibrated number. */
export const Source = z.string().min(3, "cite a source for this number");
