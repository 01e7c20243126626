SELECT seq FROM dbo.exercise_events WHERE exercise_id = @ExerciseId AND dedupe_key = @DedupeKey;
