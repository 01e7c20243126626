-- CiExercise join links, version 2: one row per signed token the server has issued (join links, the
-- first controller's one-time sign-in link, sessions redeemed from it). The token itself is never
-- stored; id is its jti, and the row is what makes it revocable. exercise_id is NULL only for a
-- controller of every exercise. One batch (no GO) so that the server can apply it in one transaction.

CREATE TABLE dbo.join_links
(
    id              nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    exercise_id     nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    kind            varchar(32)        NOT NULL,
    organization_id nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    role            nvarchar(100)      NULL,
    name            nvarchar(400)      NOT NULL,
    created_at      datetimeoffset(7)  NOT NULL,
    expires_at      datetimeoffset(7)  NOT NULL,
    revoked_at      datetimeoffset(7)  NULL,
    created_by      nvarchar(400)      NOT NULL,
    one_time        bit                NOT NULL,
    used_at         datetimeoffset(7)  NULL,
    CONSTRAINT pk_join_links PRIMARY KEY CLUSTERED (id)
);

CREATE NONCLUSTERED INDEX ix_join_links_exercise
    ON dbo.join_links (exercise_id, created_at);

CREATE NONCLUSTERED INDEX ix_join_links_kind
    ON dbo.join_links (kind);
