"use client";
import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** A join link as a QR image (data URL) of `width` pixels; null until drawn or without a link. */
export function useQrDataUrl(link: string, width: number): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (link) QRCode.toDataURL(link, { margin: 1, width }).then(setQr, () => setQr(null));
  }, [link, width]);
  return qr;
}
