"use client";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { type Locale, type MessageKey, messages } from "./messages";

interface I18n {
  locale: Locale;
  t: (key: MessageKey) => string;
  /** A message with its {placeholders} filled in. */
  f: (key: MessageKey, vars: Record<string, string | number>) => string;
  /** Picks the locale's side of scenario text ({ ja, en }). */
  l: (text: { ja: string; en: string } | null | undefined) => string;
  toggle: () => void;
}

const Ctx = createContext<I18n | null>(null);
const KEY = "chokepoint:locale";

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>("ja");
  useEffect(() => {
    const saved = window.localStorage.getItem(KEY);
    if (saved === "ja" || saved === "en") setLocale(saved);
    else if (!navigator.language.startsWith("ja")) setLocale("en");
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const toggle = useCallback(() => {
    setLocale((cur) => {
      const next = cur === "ja" ? "en" : "ja";
      window.localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (k) => messages[k][locale],
      f: (k, vars) =>
        messages[k][locale].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? "")),
      l: (x) => (x ? x[locale] : ""),
      toggle,
    }),
    [locale, toggle],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n must be used inside <I18nProvider>");
  return v;
}
