-- CiExercise shared secrets, version 8: values every node of a cluster must hold alike (the token signing
-- key when configuration gives none). The first node to start writes its candidate; every other node reads
-- that row. Never updated or deleted by the server. One batch (no GO).

CREATE TABLE dbo.shared_secret
(
    name       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    value      nvarchar(4000)    NOT NULL,
    created_at datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_shared_secret PRIMARY KEY CLUSTERED (name)
);
