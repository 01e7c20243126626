-- Many links in one statement: @Links is a JSON array of rows (times as UTC ticks), so a roster of
-- thousands costs a few statements in one transaction instead of one round trip per link. Texts come out
-- as text, so the table's own column sizes refuse a value that is too long instead of a cast cutting it.
INSERT INTO join_links (id, exercise_id, kind, organization_id, role, name, email, created_at, expires_at, revoked_at, created_by, one_time, used_at,
                        request_key, request_fingerprint, request_index)
SELECT r.id, r."exerciseId", r.kind, r."organizationId", r.role, r.name, r.email, r."createdAt", r."expiresAt", NULL,
       r."createdBy", r."oneTime", NULL, r."requestKey", r."requestFingerprint", r."requestIndex"
FROM jsonb_to_recordset(CAST(@Links AS jsonb)) AS r
(
    id                   text,
    "exerciseId"         text,
    kind                 text,
    "organizationId"     text,
    role                 text,
    name                 text,
    email                text,
    "createdAt"          bigint,
    "expiresAt"          bigint,
    "createdBy"          text,
    "oneTime"            boolean,
    "requestKey"         text,
    "requestFingerprint" text,
    "requestIndex"       integer
);
