-- The latest row after @AfterSeq that takes the exercise out of play or back in (CiExercise.Contracts
-- AppendCondition.PlayKinds, stored by name), read under the sequence lock by an append conditioned on
-- play. ix_exercise_events_org answers it at (exercise_id, NULL, seq > @AfterSeq): only the exercise-level
-- rows since the caller's clock snapshot are read.
SELECT kind
FROM exercise_events
WHERE exercise_id = @ExerciseId AND seq > @AfterSeq AND org_id IS NULL
  AND kind IN ('ExerciseEnded', 'RealWorldHaltDeclared', 'RealWorldHaltLifted')
ORDER BY seq DESC
LIMIT 1;
