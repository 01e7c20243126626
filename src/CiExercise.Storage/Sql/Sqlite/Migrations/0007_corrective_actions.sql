-- CiExercise improvement plan, version 7 (SQLite). corrective_actions holds each action as it is now;
-- corrective_action_history every version it went through (version 1 is the action as added), so that an
-- edit never loses what was recorded. Kept across exercises: exercise_id names where the finding was raised,
-- not a lifetime. request_key is the idempotency key an action was added under (scoped by exercise and
-- author), NULL without one. Times are INTEGER UTC ticks; due is an ISO date (yyyy-MM-dd).

CREATE TABLE corrective_actions
(
    id                    TEXT    NOT NULL PRIMARY KEY,
    exercise_id           TEXT    NOT NULL,
    objective_id          TEXT    NULL,
    capability            TEXT    NULL,
    task_id               TEXT    NULL,
    observation_seq       INTEGER NULL,
    kpi                   TEXT    NULL,
    finding               TEXT    NOT NULL,
    action                TEXT    NOT NULL,
    owner_organization_id TEXT    NULL,
    due                   TEXT    NULL,
    status                TEXT    NOT NULL,
    created_by            TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_by            TEXT    NOT NULL,
    updated_at            INTEGER NOT NULL,
    version               INTEGER NOT NULL,
    request_key           TEXT    NULL
);

CREATE INDEX ix_corrective_actions_created
    ON corrective_actions (created_at, id);

CREATE UNIQUE INDEX ux_corrective_actions_request
    ON corrective_actions (request_key)
    WHERE request_key IS NOT NULL;

CREATE TABLE corrective_action_history
(
    id                    TEXT    NOT NULL,
    version               INTEGER NOT NULL,
    exercise_id           TEXT    NOT NULL,
    objective_id          TEXT    NULL,
    capability            TEXT    NULL,
    task_id               TEXT    NULL,
    observation_seq       INTEGER NULL,
    kpi                   TEXT    NULL,
    finding               TEXT    NOT NULL,
    action                TEXT    NOT NULL,
    owner_organization_id TEXT    NULL,
    due                   TEXT    NULL,
    status                TEXT    NOT NULL,
    created_by            TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_by            TEXT    NOT NULL,
    updated_at            INTEGER NOT NULL,
    PRIMARY KEY (id, version)
);
