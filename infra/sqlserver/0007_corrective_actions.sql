-- CiExercise improvement plan, version 7. corrective_actions holds each action as it is now;
-- corrective_action_history every version it went through (version 1 is the action as added), so that an
-- edit never loses what was recorded. Kept across exercises: exercise_id names where the finding was raised,
-- not a lifetime. request_key is the idempotency key an action was added under (scoped by exercise and
-- author), NULL without one. One batch (no GO) so that the server can apply it in one transaction.

CREATE TABLE dbo.corrective_actions
(
    id                    nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    exercise_id           nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    objective_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    capability            nvarchar(200)      NULL,
    task_id               nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    observation_seq       bigint             NULL,
    kpi                   varchar(64)        NULL,
    finding               nvarchar(4000)     NOT NULL,
    action                nvarchar(4000)     NOT NULL,
    owner_organization_id nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    due                   date               NULL,
    status                varchar(32)        NOT NULL,
    created_by            nvarchar(400)      NOT NULL,
    created_at            datetimeoffset(7)  NOT NULL,
    updated_by            nvarchar(400)      NOT NULL,
    updated_at            datetimeoffset(7)  NOT NULL,
    version               int                NOT NULL,
    request_key           nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    CONSTRAINT pk_corrective_actions PRIMARY KEY CLUSTERED (id)
);

CREATE NONCLUSTERED INDEX ix_corrective_actions_created
    ON dbo.corrective_actions (created_at, id);

CREATE UNIQUE NONCLUSTERED INDEX ux_corrective_actions_request
    ON dbo.corrective_actions (request_key)
    WHERE request_key IS NOT NULL;

CREATE TABLE dbo.corrective_action_history
(
    id                    nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version               int                NOT NULL,
    exercise_id           nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    objective_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    capability            nvarchar(200)      NULL,
    task_id               nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    observation_seq       bigint             NULL,
    kpi                   varchar(64)        NULL,
    finding               nvarchar(4000)     NOT NULL,
    action                nvarchar(4000)     NOT NULL,
    owner_organization_id nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    due                   date               NULL,
    status                varchar(32)        NOT NULL,
    created_by            nvarchar(400)      NOT NULL,
    created_at            datetimeoffset(7)  NOT NULL,
    updated_by            nvarchar(400)      NOT NULL,
    updated_at            datetimeoffset(7)  NOT NULL,
    CONSTRAINT pk_corrective_action_history PRIMARY KEY CLUSTERED (id, version)
);
