-- Every row of a group in one statement: @Rows is a JSON array with one array per row, in seq order:
-- [seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org, inject_id, ref_seq,
--  payload, dedupe_key]. Texts come out as nvarchar(max), so the table's own column sizes refuse a value
-- that is too long instead of OPENJSON cutting it silently. wall_time is ISO 8601 with its offset.
INSERT INTO dbo.exercise_events
    (exercise_id, seq, kind, wall_time, scenario_ticks, org_id, actor_id, actor_role, actor_org,
     inject_id, ref_seq, payload, dedupe_key)
SELECT @ExerciseId, r.seq, r.kind, r.wall_time, r.scenario_ticks, r.org_id, r.actor_id, r.actor_role, r.actor_org,
       r.inject_id, r.ref_seq, r.payload, r.dedupe_key
FROM OPENJSON(@Rows) WITH
(
    seq            bigint            '$[0]',
    kind           nvarchar(max)     '$[1]',
    wall_time      datetimeoffset(7) '$[2]',
    scenario_ticks bigint            '$[3]',
    org_id         nvarchar(max)     '$[4]',
    actor_id       nvarchar(max)     '$[5]',
    actor_role     nvarchar(max)     '$[6]',
    actor_org      nvarchar(max)     '$[7]',
    inject_id      nvarchar(max)     '$[8]',
    ref_seq        bigint            '$[9]',
    payload        nvarchar(max)     '$[10]',
    dedupe_key     nvarchar(max)     '$[11]'
) AS r;
