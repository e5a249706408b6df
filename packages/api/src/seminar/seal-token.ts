import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * A table's facilitator token, sealed with a key derived from the seminar's secret (HKDF-SHA256,
 * the seminar id as salt) under AES-256-GCM. The server stores only the secret's hash, so a copy
 * of the database opens no table; whoever holds the secret link opens every table of the seminar.
 */
function keyFor(secret: string, seminarId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, seminarId, "chokepoint seminar table tokens", 32));
}

export function sealToken(secret: string, seminarId: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, seminarId), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The token, or undefined when the secret is not the one it was sealed with. */
export function openToken(secret: string, seminarId: string, sealed: string): string | undefined {
  const raw = Buffer.from(sealed, "base64url");
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFor(secret, seminarId),
      raw.subarray(0, 12),
    );
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
