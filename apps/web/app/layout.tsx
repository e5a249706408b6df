import type { ReactNode } from "react";
import { I18nProvider } from "../src/i18n/use-i18n";
// Order matters: the screens' sheets refine the base one.
import "./globals.css";
import "./styles/review.css";
import "./styles/projector.css";
import "./styles/live.css";
import "./styles/author.css";
import "./styles/seminar.css";
import "./styles/seminar-debrief.css";

export const metadata = {
  title: "Chokepoint",
  description: "Economic-security tabletop exercises / 経済安全保障の机上演習",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ja">
      <body>
        <I18nProvider>{children}</I18nProvider>
      </body>
    </html>
  );
}
