-- The latest row after @AfterSeq that takes the exercise out of play or back in (CiExercise.Contracts
-- AppendCondition.PlayKinds, stored by name), read under the sequence lock by an append conditioned on
-- play. The organization index (exercise_id, org_id, seq) answers it with one seek at org_id NULL: only the
-- exercise-level rows since the caller's clock snapshot are read.
SELECT TOP (1) kind
FROM dbo.exercise_events
WHERE exercise_id = @ExerciseId AND seq > @AfterSeq AND org_id IS NULL
  AND kind IN ('ExerciseEnded', 'RealWorldHaltDeclared', 'RealWorldHaltLifted')
ORDER BY seq DESC;
