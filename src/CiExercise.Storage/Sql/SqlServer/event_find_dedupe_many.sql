-- Every dedupe key of a group resolved at once: @Keys is a JSON array of keys, so one statement serves
-- any group size with one parameter (SQL Server allows 2,100). nvarchar(400) is wider than the column,
-- so a key that is too long is compared whole (and matches nothing) instead of cut to a stored one.
SELECT e.dedupe_key AS DedupeKey, e.seq AS Seq
FROM dbo.exercise_events AS e
WHERE e.exercise_id = @ExerciseId
  AND e.dedupe_key IN (SELECT k.dedupe_key FROM OPENJSON(@Keys) WITH (dedupe_key nvarchar(400) '$') AS k);
