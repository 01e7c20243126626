-- CiExercise join links, version 5: the idempotency key a controller issued links under (scoped by exercise
-- and controller), the fingerprint of that request and each link's place in it, so that a retried issue or
-- roster import signs the same rows again instead of adding a second set. NULL without a key.
-- One batch (no GO): the index names columns added in this batch, so it is compiled when it runs.

ALTER TABLE dbo.join_links ADD
    request_key         nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    request_fingerprint varchar(64)   NULL,
    request_index       int           NULL;

EXEC sys.sp_executesql N'CREATE UNIQUE NONCLUSTERED INDEX ux_join_links_request
    ON dbo.join_links (request_key, request_index)
    WHERE request_key IS NOT NULL;';
