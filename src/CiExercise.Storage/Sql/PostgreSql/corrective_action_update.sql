-- Optimistic concurrency: only the version the caller read is replaced; no row changed means someone was first.
UPDATE corrective_actions SET objective_id = @ObjectiveId, capability = @Capability, task_id = @TaskId, observation_seq = @ObservationSeq, kpi = @Kpi, finding = @Finding, action = @Action, owner_organization_id = @OwnerOrganizationId, due = CAST(@Due AS date), status = @Status, updated_by = @UpdatedBy, updated_at = @UpdatedAt, version = version + 1
WHERE id = @Id AND version = @ExpectedVersion;
