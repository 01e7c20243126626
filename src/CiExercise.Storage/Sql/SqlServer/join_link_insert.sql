INSERT INTO dbo.join_links (id, exercise_id, kind, organization_id, role, name, created_at, expires_at, revoked_at, created_by, one_time, used_at)
VALUES (@Id, @ExerciseId, @Kind, @OrganizationId, @Role, @Name, @CreatedAt, @ExpiresAt, NULL, @CreatedBy, @OneTime, NULL);
