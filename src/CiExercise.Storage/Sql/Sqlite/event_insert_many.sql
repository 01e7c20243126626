-- Every row of a group in one statement: @Rows is a JSON array with one array per row, in seq order:
-- [seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org, inject_id, ref_seq,
--  payload, dedupe_key]. JSON null is NULL, so a NOT NULL column still refuses a missing value.
INSERT INTO exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
SELECT @ExerciseId, r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5,
       r.value ->> 6, r.value ->> 7, r.value ->> 8, r.value ->> 9, r.value ->> 10, r.value ->> 11
FROM json_each(@Rows) AS r;
