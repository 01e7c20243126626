SELECT id AS Id, name AS Name, scenario_id AS ScenarioId, scenario_json AS ScenarioJson, created_at AS CreatedAt, read_only AS ReadOnly FROM exercises ORDER BY created_at DESC, id;
