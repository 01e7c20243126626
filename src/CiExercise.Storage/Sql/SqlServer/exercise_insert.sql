INSERT INTO dbo.exercises (id, name, scenario_id, scenario_json, created_at, read_only)
SELECT @Id, @Name, @ScenarioId, @ScenarioJson, @CreatedAt, @ReadOnly
WHERE NOT EXISTS (SELECT 1 FROM dbo.exercises WITH (UPDLOCK, HOLDLOCK) WHERE id = @Id);
