-- A new action is version 1; the statement after it copies the row into the history.
INSERT INTO corrective_actions (id, exercise_id, objective_id, capability, task_id, observation_seq, kpi, finding, action, owner_organization_id, due, status, created_by, created_at, updated_by, updated_at, version, request_key)
VALUES (@Id, @ExerciseId, @ObjectiveId, @Capability, @TaskId, @ObservationSeq, @Kpi, @Finding, @Action, @OwnerOrganizationId, CAST(@Due AS date), @Status, @CreatedBy, @CreatedAt, @UpdatedBy, @UpdatedAt, 1, @RequestKey);
