UPDATE exercise_seq SET last_seq = @LastSeq WHERE exercise_id = @ExerciseId;
