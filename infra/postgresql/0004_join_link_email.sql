-- CiExercise join links, version 4 (PostgreSQL): the e-mail address a roster import gave a participant, so
-- that the CSV export for a mail merge carries it. NULL for links issued one by one or without one.

ALTER TABLE join_links ADD COLUMN email varchar(320) NULL;
