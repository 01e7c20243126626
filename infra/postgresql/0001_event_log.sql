-- CiExercise event log, version 1 (PostgreSQL): the exercises, their append-only events and the per-exercise
-- sequence counter that keeps seq gap-free across every node appending to this database.
-- Times are bigint UTC ticks (100 ns since 0001-01-01), as in SQLite: timestamptz keeps only microseconds,
-- and the record keeps DateTimeOffset's and TimeSpan's full precision. Ids and dedupe keys compare and
-- sort byte for byte (COLLATE "C"), as they do in SQLite and with BIN2 on SQL Server.

CREATE TABLE exercises
(
    id            varchar(100) COLLATE "C" NOT NULL,
    name          varchar(400)  NOT NULL,
    scenario_id   varchar(200)  NOT NULL,
    scenario_json text          NOT NULL,
    created_at    bigint        NOT NULL,
    CONSTRAINT pk_exercises PRIMARY KEY (id)
);

-- The row is locked (SELECT ... FOR UPDATE) by each append transaction: appends to one exercise are
-- serialized, so seq numbers are handed out and committed in order, without gaps.
CREATE TABLE exercise_seq
(
    exercise_id varchar(100) COLLATE "C" NOT NULL,
    last_seq    bigint       NOT NULL,
    CONSTRAINT pk_exercise_seq PRIMARY KEY (exercise_id),
    CONSTRAINT fk_exercise_seq_exercise FOREIGN KEY (exercise_id) REFERENCES exercises (id)
);

-- scenario_ticks is the scenario time offset in 100 ns ticks, the full precision of TimeSpan.
CREATE TABLE exercise_events
(
    exercise_id    varchar(100) COLLATE "C" NOT NULL,
    seq            bigint        NOT NULL,
    kind           varchar(64)   NOT NULL,
    wall_time      bigint        NOT NULL,
    scenario_ticks bigint        NOT NULL,
    org_id         varchar(100) COLLATE "C" NULL,
    actor_id       varchar(200)  NOT NULL,
    actor_role     varchar(100)  NOT NULL,
    actor_org      varchar(100)  NULL,
    inject_id      varchar(100)  NULL,
    ref_seq        bigint        NULL,
    payload        text          NOT NULL,
    dedupe_key     varchar(300) COLLATE "C" NULL,
    CONSTRAINT pk_exercise_events PRIMARY KEY (exercise_id, seq),
    CONSTRAINT fk_exercise_events_exercise FOREIGN KEY (exercise_id) REFERENCES exercises (id)
);

CREATE UNIQUE INDEX ux_exercise_events_dedupe
    ON exercise_events (exercise_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL;

CREATE INDEX ix_exercise_events_org
    ON exercise_events (exercise_id, org_id, seq);
