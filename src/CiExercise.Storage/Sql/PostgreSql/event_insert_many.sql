-- Every row of a group in one binary COPY inside the append's transaction (so it commits or rolls back with
-- the sequence update). PostgreSqlDialect writes each row's values in exactly this column order. Measured
-- against one statement with an array parameter per column (unnest), a JSON parameter, a batch of INSERTs and
-- an INSERT per row: the fastest from 10 rows to an all-hands inject (README "Benchmarks").
COPY exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
FROM STDIN (FORMAT BINARY)
