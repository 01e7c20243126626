-- Many links in one statement: @Links is a JSON array of rows (times as UTC ticks), so a roster of
-- thousands costs a few statements in one transaction instead of one per link.
INSERT INTO join_links (id, exercise_id, kind, organization_id, role, name, email, created_at, expires_at, revoked_at, created_by, one_time, used_at,
                        request_key, request_fingerprint, request_index)
SELECT json_extract(value, '$.id'), json_extract(value, '$.exerciseId'), json_extract(value, '$.kind'),
       json_extract(value, '$.organizationId'), json_extract(value, '$.role'), json_extract(value, '$.name'),
       json_extract(value, '$.email'), json_extract(value, '$.createdAt'), json_extract(value, '$.expiresAt'), NULL,
       json_extract(value, '$.createdBy'), json_extract(value, '$.oneTime'), NULL,
       json_extract(value, '$.requestKey'), json_extract(value, '$.requestFingerprint'), json_extract(value, '$.requestIndex')
FROM json_each(@Links);
