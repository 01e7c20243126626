-- Only for the scratch exercises of a storage measurement (Ceiling/ScratchDatabase): the record itself
-- is append-only and never deleted.
DELETE FROM exercise_events WHERE exercise_id = @ExerciseId;
DELETE FROM exercise_seq WHERE exercise_id = @ExerciseId;
DELETE FROM exercises WHERE id = @ExerciseId;
