-- CiExercise join links, version 2 (SQLite). One row per signed token the server has issued: join
-- links, the first controller's one-time sign-in link and the sessions redeemed from it. The token
-- itself is never stored; id is its jti, and the row is what makes it revocable.
-- exercise_id is NULL only for a controller of every exercise. Times are INTEGER UTC ticks.

CREATE TABLE join_links
(
    id              TEXT    NOT NULL PRIMARY KEY,
    exercise_id     TEXT    NULL,
    kind            TEXT    NOT NULL,
    organization_id TEXT    NULL,
    role            TEXT    NULL,
    name            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    revoked_at      INTEGER NULL,
    created_by      TEXT    NOT NULL,
    one_time        INTEGER NOT NULL,
    used_at         INTEGER NULL
);

CREATE INDEX ix_join_links_exercise
    ON join_links (exercise_id, created_at);

CREATE INDEX ix_join_links_kind
    ON join_links (kind);
