-- Every dedupe key of a group resolved at once: @Keys is a JSON array of keys, so one statement serves
-- any group size without running into the parameter limit. Written as IN (subquery) so that SQLite
-- seeks ux_exercise_events_dedupe once per key (a join made it scan the exercise's keys instead).
SELECT e.dedupe_key AS DedupeKey, e.seq AS Seq
FROM exercise_events AS e
WHERE e.exercise_id = @ExerciseId
  AND e.dedupe_key IN (SELECT k.value FROM json_each(@Keys) AS k);
