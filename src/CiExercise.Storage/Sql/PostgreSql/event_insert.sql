INSERT INTO exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
VALUES
    (@ExerciseId, @Seq, @Kind, @WallTime, @ScenarioTicks, @OrgId, @ActorId, @ActorRole, @ActorOrg,
     @InjectId, @RefSeq, @Payload, @DedupeKey);
