-- CiExercise event log, version 1: the exercises, their append-only events and the per-exercise
-- sequence counter that keeps seq gap-free across every node appending to this database.
-- Ids and dedupe keys compare byte for byte (BIN2), as they do in SQLite.
-- One batch (no GO) so that the server can apply it inside one transaction.

CREATE TABLE dbo.exercises
(
    id            nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    name          nvarchar(400)      NOT NULL,
    scenario_id   nvarchar(200)      NOT NULL,
    scenario_json nvarchar(max)      NOT NULL,
    created_at    datetimeoffset(7)  NOT NULL,
    CONSTRAINT pk_exercises PRIMARY KEY CLUSTERED (id)
);

-- The row is locked (UPDLOCK) by each append transaction: appends to one exercise are serialized,
-- so seq numbers are handed out and committed in order, without gaps.
CREATE TABLE dbo.exercise_seq
(
    exercise_id nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    last_seq    bigint        NOT NULL,
    CONSTRAINT pk_exercise_seq PRIMARY KEY CLUSTERED (exercise_id),
    CONSTRAINT fk_exercise_seq_exercise FOREIGN KEY (exercise_id) REFERENCES dbo.exercises (id)
);

-- wall_time is UTC (offset +00:00); scenario_ticks is the scenario time offset in 100 ns ticks,
-- the full precision of TimeSpan.
CREATE TABLE dbo.exercise_events
(
    exercise_id    nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    seq            bigint            NOT NULL,
    kind           varchar(64)       NOT NULL,
    wall_time      datetimeoffset(7) NOT NULL,
    scenario_ticks bigint            NOT NULL,
    org_id         nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    actor_id       nvarchar(200)     NOT NULL,
    actor_role     nvarchar(100)     NOT NULL,
    actor_org      nvarchar(100)     NULL,
    inject_id      nvarchar(100)     NULL,
    ref_seq        bigint            NULL,
    payload        nvarchar(max)     NOT NULL,
    dedupe_key     nvarchar(300) COLLATE Latin1_General_100_BIN2 NULL,
    CONSTRAINT pk_exercise_events PRIMARY KEY CLUSTERED (exercise_id, seq),
    CONSTRAINT fk_exercise_events_exercise FOREIGN KEY (exercise_id) REFERENCES dbo.exercises (id)
);

CREATE UNIQUE NONCLUSTERED INDEX ux_exercise_events_dedupe
    ON dbo.exercise_events (exercise_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL;

CREATE NONCLUSTERED INDEX ix_exercise_events_org
    ON dbo.exercise_events (exercise_id, org_id, seq);
