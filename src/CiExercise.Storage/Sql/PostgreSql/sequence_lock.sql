-- FOR UPDATE keeps the counter row locked until commit: the next appender to this exercise waits here,
-- so seq is assigned and committed in order on every node.
SELECT last_seq FROM exercise_seq WHERE exercise_id = @ExerciseId FOR UPDATE;
