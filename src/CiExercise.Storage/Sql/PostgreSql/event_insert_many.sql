-- Every row of a group in one statement: one array parameter per column, all of the group's length and in
-- seq order, sent in Npgsql's binary form (no text to parse, no parameter limit). unnest zips them into rows.
INSERT INTO exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
SELECT @ExerciseId, r.seq, r.kind, r.wall_time, r.scenario_ticks, r.org_id, r.actor_id, r.actor_role, r.actor_org,
       r.inject_id, r.ref_seq, r.payload, r.dedupe_key
FROM unnest(@Seqs, @Kinds, @WallTimes, @ScenarioTicks, @OrgIds, @ActorIds, @ActorRoles, @ActorOrgs,
            @InjectIds, @RefSeqs, @Payloads, @DedupeKeys)
     AS r (seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org, inject_id, ref_seq, payload, dedupe_key);
