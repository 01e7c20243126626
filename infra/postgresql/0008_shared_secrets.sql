-- CiExercise shared secrets, version 8 (PostgreSQL): values every node of a cluster must hold alike (the
-- token signing key when configuration gives none). The first node to start writes its candidate; every
-- other node reads that row. Never updated or deleted by the server. created_at is bigint UTC ticks.

CREATE TABLE shared_secret
(
    name       varchar(100) COLLATE "C" NOT NULL,
    value      varchar(4000) NOT NULL,
    created_at bigint        NOT NULL,
    CONSTRAINT pk_shared_secret PRIMARY KEY (name)
);
