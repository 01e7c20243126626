-- CiExercise join links, version 2 (PostgreSQL): one row per signed token the server has issued (join
-- links, the first controller's one-time sign-in link, sessions redeemed from it). The token itself is
-- never stored; id is its jti, and the row is what makes it revocable. exercise_id is NULL only for a
-- controller of every exercise. Times are bigint UTC ticks.

CREATE TABLE join_links
(
    id              varchar(100) COLLATE "C" NOT NULL,
    exercise_id     varchar(100) COLLATE "C" NULL,
    kind            varchar(32)   NOT NULL,
    organization_id varchar(100) COLLATE "C" NULL,
    role            varchar(100)  NULL,
    name            varchar(400)  NOT NULL,
    created_at      bigint        NOT NULL,
    expires_at      bigint        NOT NULL,
    revoked_at      bigint        NULL,
    created_by      varchar(400)  NOT NULL,
    one_time        boolean       NOT NULL,
    used_at         bigint        NULL,
    CONSTRAINT pk_join_links PRIMARY KEY (id)
);

CREATE INDEX ix_join_links_exercise
    ON join_links (exercise_id, created_at);

CREATE INDEX ix_join_links_kind
    ON join_links (kind);
