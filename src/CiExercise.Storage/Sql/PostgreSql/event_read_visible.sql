-- What a participant of @OrgId may see after @AfterSeq, at most @Limit rows in seq order: its own
-- organization's stream and the exercise-level events every participant sees (CiExercise.Contracts
-- PublicKinds; a test holds this list to it). Two range scans of ix_exercise_events_org, each cut at
-- @Limit, merged: the cost follows what the participant sees, not the size of the log.
SELECT v.ExerciseId, v.Seq, v.Kind, v.WallTime, v.ScenarioTicks, v.OrgId, v.ActorId, v.ActorRole, v.ActorOrg,
       v.InjectId, v.RefSeq, v.Payload
FROM
(
    (
        SELECT exercise_id AS ExerciseId, seq AS Seq, kind AS Kind, wall_time AS WallTime, scenario_ticks AS ScenarioTicks,
               org_id AS OrgId, actor_id AS ActorId, actor_role AS ActorRole, actor_org AS ActorOrg,
               inject_id AS InjectId, ref_seq AS RefSeq, payload AS Payload
        FROM exercise_events
        WHERE exercise_id = @ExerciseId AND org_id = @OrgId AND seq > @AfterSeq
        ORDER BY seq
        LIMIT @Limit
    )
    UNION ALL
    (
        SELECT exercise_id AS ExerciseId, seq AS Seq, kind AS Kind, wall_time AS WallTime, scenario_ticks AS ScenarioTicks,
               org_id AS OrgId, actor_id AS ActorId, actor_role AS ActorRole, actor_org AS ActorOrg,
               inject_id AS InjectId, ref_seq AS RefSeq, payload AS Payload
        FROM exercise_events
        WHERE exercise_id = @ExerciseId AND org_id IS NULL AND seq > @AfterSeq
          AND kind IN ('ExerciseStarted', 'ExercisePaused', 'ExerciseResumed', 'SpeedChanged', 'ClockJumped',
                       'ExerciseEnded', 'RealWorldHaltDeclared', 'RealWorldHaltLifted', 'ServiceChanged', 'FeedPosted')
        ORDER BY seq
        LIMIT @Limit
    )
) AS v
ORDER BY v.Seq
LIMIT @Limit;
