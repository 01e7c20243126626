SELECT seq FROM exercise_events WHERE exercise_id = @ExerciseId AND dedupe_key = @DedupeKey;
