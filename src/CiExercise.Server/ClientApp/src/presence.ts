import { useEffect, useState } from "preact/hooks";
import { get } from "./api";
import type { ExerciseModel } from "./exercise";

export interface OrganizationPresence { organizationId: string; sector: string; simulated: boolean; connections: number; names: string[] }
export interface SectorPresence { sector: string; organizations: number; connected: number; connections: number }
export interface PresenceView {
  exerciseId: string; at: string; connections: number; controllers: number; evaluators: number; observers: number;
  sectors: SectorPresence[]; organizations: OrganizationPresence[];
}

/**
 * Who is connected (staff only): read once, then kept by the server's push, which comes at most once a
 * second and only when something changed, so 850 organizations connecting cost a snapshot a second.
 */
export function usePresence(model: ExerciseModel): { view: PresenceView | null; byOrg: Map<string, OrganizationPresence> } {
  const [view, setView] = useState<PresenceView | null>(null);
  useEffect(() => {
    const off = model.feed.onPush<PresenceView>("Presence", setView);
    get<PresenceView>(`/api/exercises/${encodeURIComponent(model.id)}/presence`).then(v => setView(old => old ?? v), () => undefined);
    return off;
  }, [model]);
  const byOrg = new Map((view?.organizations ?? []).map(o => [o.organizationId, o]));
  return { view, byOrg };
}

export type Presence = ReturnType<typeof usePresence>;
