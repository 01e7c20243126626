INSERT INTO exercises (id, name, scenario_id, scenario_json, created_at, read_only)
SELECT @Id, @Name, @ScenarioId, @ScenarioJson, @CreatedAt, @ReadOnly
WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE id = @Id);
