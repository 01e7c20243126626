-- CiExercise shared secrets, version 8 (SQLite): values every node of a cluster must hold alike (the token
-- signing key when configuration gives none). A cluster never runs on SQLite; the table is here so that the
-- store behaves the same on every provider. Never updated or deleted by the server. created_at is UTC ticks.

CREATE TABLE shared_secret
(
    name       TEXT    NOT NULL PRIMARY KEY,
    value      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
