SELECT exercise_id AS ExerciseId, seq AS Seq, kind AS Kind, wall_time AS WallTime, scenario_ticks AS ScenarioTicks,
       org_id AS OrgId, actor_id AS ActorId, actor_role AS ActorRole, actor_org AS ActorOrg,
       inject_id AS InjectId, ref_seq AS RefSeq, payload AS Payload
FROM exercise_events
WHERE exercise_id = @ExerciseId AND org_id = @OrgId
ORDER BY seq;
