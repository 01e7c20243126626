import { useEffect, useState } from "preact/hooks";

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => void }

/** Reads something once per key (and again on reload), keeping the last answer while the next one is read. */
export function useLoad<T>(read: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    read().then(d => { if (live) { setData(d); setError(null); } }, e => { if (live) setError((e as Error).message); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [key, round]);
  return { data, error, loading, reload: () => setRound(n => n + 1) };
}
