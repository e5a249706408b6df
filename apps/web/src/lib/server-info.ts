"use client";
import { useEffect, useState } from "react";
import { api } from "./trpc";

export interface ServerInfo {
  passcodeRequired: boolean;
  publicUrl: string | null;
  lanUrl: string | null;
}

const UNKNOWN: ServerInfo = { passcodeRequired: false, publicUrl: null, lanUrl: null };
/** Asked once per page load: every form and panel that needs it shares the answer. */
let asked: Promise<ServerInfo> | undefined;

/** What this server says about itself (`exercise.serverInfo`); null until it has answered. */
export function useServerInfo(): ServerInfo | null {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  useEffect(() => {
    asked ??= api()
      .exercise.serverInfo.query()
      .catch(() => UNKNOWN);
    void asked.then(setInfo);
  }, []);
  return info;
}
