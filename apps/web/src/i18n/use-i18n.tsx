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
import type { Locale } from "./messages";
import { makeTranslator, type Translator } from "./translator";

/** The translator for the reader's chosen language, and the switch between ja and en. */
export interface I18n extends Translator {
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
  const value = useMemo<I18n>(() => ({ ...makeTranslator(locale), toggle }), [locale, toggle]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n must be used inside <I18nProvider>");
  return v;
}
