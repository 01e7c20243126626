/**
 * A new idempotency key for one user action: an RFC 4122 version 4 UUID. crypto.randomUUID exists only
 * in secure contexts (HTTPS or localhost); an office server reached over plain HTTP by name has only
 * crypto.getRandomValues, which every browser offers everywhere. The key is made once per action and
 * sent unchanged on every resend, so the server can answer a resend with the first receipt.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
