import { useEffect, useRef, useState } from "preact/hooks";
import { ExerciseModel } from "../exercise";

/** One exercise model for the component's lifetime; the component re-renders on every change. */
export function useExercise(id: string): ExerciseModel {
  const [model] = useState(() => new ExerciseModel(id));
  const [, set] = useState(0);
  useEffect(() => {
    const off = model.onChange(() => set(model.version));
    void model.load();
    return () => {
      off();
      model.dispose();
    };
  }, [model]);
  return model;
}

/** Re-renders every interval so clocks and countdowns move; their values come from the clock anchors. */
export function useTick(ms = 1000): void {
  const [, set] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => set(n => n + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

/** Single-key shortcuts, ignored while typing in a field and when a modifier is held. */
export function useShortcuts(keys: Record<string, () => void>): void {
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      if (document.querySelector("dialog[open]") && e.key !== "?") return;
      const action = keys[e.key.toLowerCase()] ?? keys[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    addEventListener("keydown", handler);
    return () => removeEventListener("keydown", handler);
  });
}

/**
 * Runs a form's action once at a time: a double click submits twice before the cleared form re-renders,
 * and the second press must not become a second action.
 */
export function useOnce(): (work: () => Promise<unknown>) => void {
  const busy = useRef(false);
  return work => {
    if (busy.current) return;
    busy.current = true;
    void work().finally(() => { busy.current = false; });
  };
}
