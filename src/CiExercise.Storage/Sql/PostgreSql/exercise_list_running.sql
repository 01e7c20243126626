-- Exercises whose clock runs: the last lifecycle row is a start or a resume (lifting a halt returns to
-- paused or draft, never to running). Only these have injects to fire after a restart; an imported (read-only)
-- exercise never has.
SELECT x.id
FROM exercises AS x
WHERE NOT x.read_only
  AND (SELECT e.kind
       FROM exercise_events AS e
       WHERE e.exercise_id = x.id AND e.org_id IS NULL
         AND e.kind IN ('ExerciseStarted', 'ExercisePaused', 'ExerciseResumed', 'ExerciseEnded',
                        'RealWorldHaltDeclared', 'RealWorldHaltLifted')
       ORDER BY e.seq DESC
       LIMIT 1) IN ('ExerciseStarted', 'ExerciseResumed')
ORDER BY x.created_at DESC, x.id;
