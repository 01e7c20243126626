-- CiExercise improvement plan, version 7 (PostgreSQL). corrective_actions holds each action as it is now;
-- corrective_action_history every version it went through (version 1 is the action as added), so that an
-- edit never loses what was recorded. Kept across exercises: exercise_id names where the finding was raised,
-- not a lifetime. request_key is the idempotency key an action was added under (scoped by exercise and
-- author), NULL without one. Times are bigint UTC ticks; due is a date.

CREATE TABLE corrective_actions
(
    id                    varchar(100) COLLATE "C" NOT NULL,
    exercise_id           varchar(100) COLLATE "C" NOT NULL,
    objective_id          varchar(100) COLLATE "C" NULL,
    capability            varchar(200)   NULL,
    task_id               varchar(100) COLLATE "C" NULL,
    observation_seq       bigint         NULL,
    kpi                   varchar(64)    NULL,
    finding               varchar(4000)  NOT NULL,
    action                varchar(4000)  NOT NULL,
    owner_organization_id varchar(100) COLLATE "C" NULL,
    due                   date           NULL,
    status                varchar(32)    NOT NULL,
    created_by            varchar(400)   NOT NULL,
    created_at            bigint         NOT NULL,
    updated_by            varchar(400)   NOT NULL,
    updated_at            bigint         NOT NULL,
    version               integer        NOT NULL,
    request_key           varchar(200) COLLATE "C" NULL,
    CONSTRAINT pk_corrective_actions PRIMARY KEY (id)
);

CREATE INDEX ix_corrective_actions_created
    ON corrective_actions (created_at, id);

CREATE UNIQUE INDEX ux_corrective_actions_request
    ON corrective_actions (request_key)
    WHERE request_key IS NOT NULL;

CREATE TABLE corrective_action_history
(
    id                    varchar(100) COLLATE "C" NOT NULL,
    version               integer        NOT NULL,
    exercise_id           varchar(100) COLLATE "C" NOT NULL,
    objective_id          varchar(100) COLLATE "C" NULL,
    capability            varchar(200)   NULL,
    task_id               varchar(100) COLLATE "C" NULL,
    observation_seq       bigint         NULL,
    kpi                   varchar(64)    NULL,
    finding               varchar(4000)  NOT NULL,
    action                varchar(4000)  NOT NULL,
    owner_organization_id varchar(100) COLLATE "C" NULL,
    due                   date           NULL,
    status                varchar(32)    NOT NULL,
    created_by            varchar(400)   NOT NULL,
    created_at            bigint         NOT NULL,
    updated_by            varchar(400)   NOT NULL,
    updated_at            bigint         NOT NULL,
    CONSTRAINT pk_corrective_action_history PRIMARY KEY (id, version)
);
