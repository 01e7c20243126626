SELECT x.id
FROM dbo.exercises AS x
WHERE NOT EXISTS
    (SELECT 1 FROM dbo.exercise_events AS e WHERE e.exercise_id = x.id AND e.kind = @EndedKind)
ORDER BY x.created_at DESC, x.id;
