-- The latest row after @AfterSeq that takes the exercise out of play or back in (CiExercise.Contracts
-- AppendCondition.PlayKinds, stored by name), read under the sequence lock by an append conditioned on
-- play. Seeks ix_exercise_events_org at (exercise_id, NULL, @AfterSeq), so it reads only the exercise-level
-- rows since the caller's clock snapshot, not every participant's row since then. INDEXED BY because
-- without statistics SQLite takes the primary key for "org_id IS NULL" (as in event_read_visible.sql).
SELECT kind
FROM exercise_events INDEXED BY ix_exercise_events_org
WHERE exercise_id = @ExerciseId AND seq > @AfterSeq AND org_id IS NULL
  AND kind IN ('ExerciseEnded', 'RealWorldHaltDeclared', 'RealWorldHaltLifted')
ORDER BY seq DESC
LIMIT 1;
