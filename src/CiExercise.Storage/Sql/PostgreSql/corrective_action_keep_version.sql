-- The row as it is now becomes a row of the history, in the same transaction as the change that made it.
INSERT INTO corrective_action_history (id, exercise_id, objective_id, capability, task_id, observation_seq, kpi, finding, action, owner_organization_id, due, status, created_by, created_at, updated_by, updated_at, version)
SELECT id, exercise_id, objective_id, capability, task_id, observation_seq, kpi, finding, action, owner_organization_id, due, status, created_by, created_at, updated_by, updated_at, version FROM corrective_actions WHERE id = @Id;
