// .NET TimeSpan text ("[-][d.]hh:mm:ss[.fffffff]") to and from milliseconds.

export function parseSpan(text: string | null | undefined): number {
  if (!text) return 0;
  const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return 0;
  const [, neg, d, h, min, s, frac] = m;
  const ms = ((+(d ?? 0) * 24 + +h) * 60 + +min) * 60000 + +s * 1000 + (frac ? Math.round(+`0.${frac}` * 1000) : 0);
  return neg ? -ms : ms;
}

export function spanText(ms: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const abs = Math.abs(Math.round(ms / 1000));
  const h = Math.floor(abs / 3600), m = Math.floor((abs % 3600) / 60), s = abs % 60;
  return `${ms < 0 ? "-" : ""}${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Story date and time as the scenario's own wall clock (shown in the browser's zone). */
export function storyText(ms: number, lang: string): string {
  return new Date(ms).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", {
    month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
  });
}

export function wallText(ms: number, lang: string): string {
  return new Date(ms).toLocaleTimeString(lang === "ja" ? "ja-JP" : "en-GB", { hour12: false });
}
