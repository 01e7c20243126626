import type { Principal } from "./model";

// sessionStorage, not localStorage: a join link is personal and often opened on a shared office
// machine, so closing the tab ends the session; each tab keeps its own sign-in, so one browser can
// hold a controller tab and a participant tab side by side; a reload keeps the session.
const KEY = "ciex.session";

export interface Session { token: string; principal: Principal }

export function loadSession(): Session | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** The console a principal lands on after signing in. */
export function homeOf(principal: Principal): string {
  switch (principal.kind) {
    case "controller": return principal.exerciseId ? `/control/${principal.exerciseId}` : "/control";
    case "participant": return "/console";
    case "evaluator": return "/evaluate";
    default: return "/observe";
  }
}
