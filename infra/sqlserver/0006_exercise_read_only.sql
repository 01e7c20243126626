-- CiExercise exercises, version 6: an exercise imported from another server's export is read-only, a record to
-- review and never played again (no commands, no actions, never woken after a restart). 0 for every other one.
-- One batch (no GO).

ALTER TABLE dbo.exercises ADD read_only bit NOT NULL CONSTRAINT df_exercises_read_only DEFAULT 0;
