-- The transaction is BEGIN IMMEDIATE, which already holds the database's write lock.
SELECT last_seq FROM exercise_seq WHERE exercise_id = @ExerciseId;
