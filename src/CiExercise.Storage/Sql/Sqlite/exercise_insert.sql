INSERT INTO exercises (id, name, scenario_id, scenario_json, created_at)
SELECT @Id, @Name, @ScenarioId, @ScenarioJson, @CreatedAt
WHERE NOT EXISTS (SELECT 1 FROM exercises WHERE id = @Id);
