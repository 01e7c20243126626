import { lang, loc } from "../i18n";
import { parseSpan, spanText, wallText } from "../time";
import type { ExerciseReview } from "./types";

/** Names the review shows, taken from the scenario the review carries; an id it does not know shows itself. */
export function orgLabel(review: ExerciseReview, id: string | null | undefined): string {
  if (!id) return "";
  return loc(review.scenario.organizations.find(o => o.id === id)?.name) || id;
}

export function injectLabel(review: ExerciseReview, id: string | null | undefined): string {
  if (!id) return "";
  return loc(review.scenario.injects.find(i => i.id === id)?.title) || id;
}

export function objectiveLabel(review: ExerciseReview, id: string): string {
  const o = review.scenario.objectives.find(x => x.id === id);
  return o ? `${id} ${loc(o.text)}` : id;
}

/** A span of the review ("hh:mm:ss"), or a dash for a figure nobody reached. */
export function span(text: string | null | undefined): string {
  return text ? spanText(parseSpan(text)) : "—";
}

export function wall(iso: string | null | undefined): string {
  return iso ? wallText(Date.parse(iso), lang()) : "—";
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

/** The review's API paths for one exercise. */
export const reviewPath = (id: string, rest = "") => `/api/exercises/${encodeURIComponent(id)}/review${rest}`;
export const exercisePath = (id: string, rest = "") => `/api/exercises/${encodeURIComponent(id)}${rest}`;

/** Milliseconds as .NET reads a TimeSpan ("[d.]hh:mm:ss"), for query strings. */
export function spanQuery(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(total / 86400), h = Math.floor((total % 86400) / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d ? `${d}.` : ""}${pad(h)}:${pad(m)}:${pad(s)}`;
}
