-- The last sequence number given in an exercise, without locking (a reader's figure, not an appender's).
SELECT last_seq FROM exercise_seq WHERE exercise_id = @ExerciseId;
