-- Only for the scratch exercises of a storage measurement (Ceiling/ScratchDatabase): the record itself
-- is append-only and never deleted.
DELETE FROM dbo.exercise_events WHERE exercise_id = @ExerciseId;
DELETE FROM dbo.exercise_seq WHERE exercise_id = @ExerciseId;
DELETE FROM dbo.exercises WHERE id = @ExerciseId;
