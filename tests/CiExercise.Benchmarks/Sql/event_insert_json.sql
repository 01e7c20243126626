-- The alternative to event_insert_many.sql measured by PostgreSqlInsertComparison: the group as one JSON
-- parameter (GroupJson.Rows, the form SQL Server's OPENJSON reads), turned into rows by the server.
INSERT INTO exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
SELECT @ExerciseId, (r ->> 0)::bigint, r ->> 1, (r ->> 2)::bigint, (r ->> 3)::bigint, r ->> 4, r ->> 5, r ->> 6, r ->> 7,
       r ->> 8, (r ->> 9)::bigint, r ->> 10, r ->> 11
FROM jsonb_array_elements(CAST(@Rows AS jsonb)) AS r;
