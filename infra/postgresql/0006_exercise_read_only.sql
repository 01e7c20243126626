-- CiExercise exercises, version 6 (PostgreSQL): an exercise imported from another server's export is read-only,
-- a record to review and never played again (no commands, no actions, never woken after a restart). false for
-- every other one.

ALTER TABLE exercises ADD COLUMN read_only boolean NOT NULL DEFAULT false;
