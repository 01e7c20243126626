-- The alternative to event_insert_many.sql (binary COPY) measured by PostgreSqlInsertComparison: one statement
-- with one array parameter per column, in Npgsql's binary form, zipped into rows by unnest.
INSERT INTO exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
SELECT @ExerciseId, r.seq, r.kind, r.wall_time, r.scenario_ticks, r.org_id, r.actor_id, r.actor_role, r.actor_org,
       r.inject_id, r.ref_seq, r.payload, r.dedupe_key
FROM unnest(@Seqs, @Kinds, @WallTimes, @ScenarioTicks, @OrgIds, @ActorIds, @ActorRoles, @ActorOrgs,
            @InjectIds, @RefSeqs, @Payloads, @DedupeKeys)
     AS r (seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org, inject_id, ref_seq, payload, dedupe_key);
