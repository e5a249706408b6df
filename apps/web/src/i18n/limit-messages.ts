/**
 * Form limits shown beside the fields before anything is sent (merged into `messages`).
 * The figures come from `INPUT_LIMITS` in the contracts, filled into {n}, {min} and {max}.
 */
export const limitMessages = {
  limitChars: { ja: "{n}文字まで", en: "up to {n} characters" },
  limitCharsLeft: { ja: "あと{n}文字", en: "{n} characters left" },
  limitCharsRange: { ja: "{min}〜{max}文字", en: "{min} to {max} characters" },
  limitSeed: { ja: "{min}〜{max}の整数", en: "a whole number from {min} to {max}" },
  limitSeconds: { ja: "{min}〜{max}秒", en: "{min} to {max} seconds" },
} as const;
