-- CiExercise event log, version 1 (SQLite). Times are INTEGER UTC ticks (100 ns since 0001-01-01),
-- which keeps the full precision of DateTimeOffset and TimeSpan and sorts as numbers.

CREATE TABLE exercises
(
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    scenario_id   TEXT    NOT NULL,
    scenario_json TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE exercise_seq
(
    exercise_id TEXT    NOT NULL PRIMARY KEY REFERENCES exercises (id),
    last_seq    INTEGER NOT NULL
);

CREATE TABLE exercise_events
(
    exercise_id    TEXT    NOT NULL REFERENCES exercises (id),
    seq            INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    wall_time      INTEGER NOT NULL,
    scenario_ticks INTEGER NOT NULL,
    org_id         TEXT    NULL,
    actor_id       TEXT    NOT NULL,
    actor_role     TEXT    NOT NULL,
    actor_org      TEXT    NULL,
    inject_id      TEXT    NULL,
    ref_seq        INTEGER NULL,
    payload        TEXT    NOT NULL,
    dedupe_key     TEXT    NULL,
    PRIMARY KEY (exercise_id, seq)
) WITHOUT ROWID;

CREATE UNIQUE INDEX ux_exercise_events_dedupe
    ON exercise_events (exercise_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL;

CREATE INDEX ix_exercise_events_org
    ON exercise_events (exercise_id, org_id, seq);
