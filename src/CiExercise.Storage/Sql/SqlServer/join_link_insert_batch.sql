-- Many links in one statement: @Links is a JSON array of rows (times as ISO 8601 with offset), so a
-- roster of thousands costs a few statements in one transaction instead of one round trip per link.
INSERT INTO dbo.join_links (id, exercise_id, kind, organization_id, role, name, email, created_at, expires_at, revoked_at, created_by, one_time, used_at,
                           request_key, request_fingerprint, request_index)
SELECT id, exercise_id, kind, organization_id, role, name, email, created_at, expires_at, NULL, created_by, one_time, NULL,
       request_key, request_fingerprint, request_index
FROM OPENJSON(@Links) WITH
(
    id              nvarchar(100)     '$.id',
    exercise_id     nvarchar(100)     '$.exerciseId',
    kind            varchar(32)       '$.kind',
    organization_id nvarchar(100)     '$.organizationId',
    role            nvarchar(100)     '$.role',
    name            nvarchar(400)     '$.name',
    email           nvarchar(320)     '$.email',
    created_at      datetimeoffset(7) '$.createdAt',
    expires_at      datetimeoffset(7) '$.expiresAt',
    created_by      nvarchar(400)     '$.createdBy',
    one_time        bit               '$.oneTime',
    request_key         nvarchar(200) '$.requestKey',
    request_fingerprint varchar(64)   '$.requestFingerprint',
    request_index       int           '$.requestIndex'
);
