INSERT INTO exercise_seq (exercise_id, last_seq) VALUES (@ExerciseId, @LastSeq);
