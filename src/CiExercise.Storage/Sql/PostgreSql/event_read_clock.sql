-- The lifecycle and clock rows of one exercise: enough to fold its status and both clocks without
-- waking its grain (the exercise list). The kinds are CiExercise.Contracts LifecycleKinds (a test holds
-- this list to it), stored by name and never renamed.
SELECT exercise_id AS ExerciseId, seq AS Seq, kind AS Kind, wall_time AS WallTime, scenario_ticks AS ScenarioTicks,
       org_id AS OrgId, actor_id AS ActorId, actor_role AS ActorRole, actor_org AS ActorOrg,
       inject_id AS InjectId, ref_seq AS RefSeq, payload AS Payload
FROM exercise_events
WHERE exercise_id = @ExerciseId AND org_id IS NULL
  AND kind IN ('ExerciseStarted', 'ExercisePaused', 'ExerciseResumed', 'SpeedChanged', 'ClockJumped',
               'ExerciseEnded', 'RealWorldHaltDeclared', 'RealWorldHaltLifted')
ORDER BY seq;
