-- An id already there inserts nothing (0 rows): the caller reports the exercise as existing.
INSERT INTO exercises (id, name, scenario_id, scenario_json, created_at, read_only)
VALUES (@Id, @Name, @ScenarioId, @ScenarioJson, @CreatedAt, @ReadOnly)
ON CONFLICT (id) DO NOTHING;
