-- Every dedupe key of a group resolved at once: @Keys is a JSON array of keys, so one statement serves
-- any group size with one parameter. "dedupe_key IS NOT NULL" lets the planner use the partial index
-- ux_exercise_events_dedupe, seeked once per key.
SELECT e.dedupe_key AS DedupeKey, e.seq AS Seq
FROM exercise_events AS e
WHERE e.exercise_id = @ExerciseId
  AND e.dedupe_key IS NOT NULL
  AND e.dedupe_key IN (SELECT k.value FROM jsonb_array_elements_text(CAST(@Keys AS jsonb)) AS k (value));
