-- CiExercise join links, version 5 (PostgreSQL): the idempotency key a controller issued links under (scoped
-- by exercise and controller), the fingerprint of that request and each link's place in it, so that a retried
-- issue or roster import signs the same rows again instead of adding a second set. NULL without a key.

ALTER TABLE join_links
    ADD COLUMN request_key         varchar(200) COLLATE "C" NULL,
    ADD COLUMN request_fingerprint varchar(64)  NULL,
    ADD COLUMN request_index       integer      NULL;

CREATE UNIQUE INDEX ux_join_links_request
    ON join_links (request_key, request_index)
    WHERE request_key IS NOT NULL;
