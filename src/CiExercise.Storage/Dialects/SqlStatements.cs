namespace CiExercise.Storage.Dialects;

/// <summary>
/// The statements every dialect provides, each loaded from the dialect's folder by the same file name.
/// </summary>
internal sealed class SqlStatements(string resourcePrefix)
{
    public string SchemaVersionEnsure { get; } = Load(resourcePrefix, "schema_version_ensure");
    public string SchemaVersionHas { get; } = Load(resourcePrefix, "schema_version_has");
    public string SchemaVersionInsert { get; } = Load(resourcePrefix, "schema_version_insert");
    public string SchemaVersionList { get; } = Load(resourcePrefix, "schema_version_list");
    public string SequenceLock { get; } = Load(resourcePrefix, "sequence_lock");
    public string SequenceUpdate { get; } = Load(resourcePrefix, "sequence_update");
    public string SequenceInsert { get; } = Load(resourcePrefix, "sequence_insert");
    public string EventFindDedupe { get; } = Load(resourcePrefix, "event_find_dedupe");
    public string EventInsert { get; } = Load(resourcePrefix, "event_insert");
    public string EventFindDedupeMany { get; } = Load(resourcePrefix, "event_find_dedupe_many");
    public string EventReadAfter { get; } = Load(resourcePrefix, "event_read_after");
    public string EventReadOrganization { get; } = Load(resourcePrefix, "event_read_organization");
    public string EventReadExerciseLevel { get; } = Load(resourcePrefix, "event_read_exercise_level");
    public string EventReadVisible { get; } = Load(resourcePrefix, "event_read_visible");
    public string EventReadClock { get; } = Load(resourcePrefix, "event_read_clock");
    public string EventPlayLatest { get; } = Load(resourcePrefix, "event_play_latest");
    public string SequenceRead { get; } = Load(resourcePrefix, "sequence_read");
    public string ExerciseInsert { get; } = Load(resourcePrefix, "exercise_insert");
    public string ExerciseGet { get; } = Load(resourcePrefix, "exercise_get");
    public string ExerciseList { get; } = Load(resourcePrefix, "exercise_list");
    public string ExerciseListRunning { get; } = Load(resourcePrefix, "exercise_list_running");
    public string JoinLinkInsertBatch { get; } = Load(resourcePrefix, "join_link_insert_batch");
    public string JoinLinkGet { get; } = Load(resourcePrefix, "join_link_get");
    public string JoinLinkFindRequest { get; } = Load(resourcePrefix, "join_link_find_request");
    public string JoinLinkList { get; } = Load(resourcePrefix, "join_link_list");
    public string JoinLinkRevoke { get; } = Load(resourcePrefix, "join_link_revoke");
    public string JoinLinkUse { get; } = Load(resourcePrefix, "join_link_use");
    public string JoinLinkCountKind { get; } = Load(resourcePrefix, "join_link_count_kind");
    public string CorrectiveActionInsert { get; } = Load(resourcePrefix, "corrective_action_insert");
    public string CorrectiveActionKeepVersion { get; } = Load(resourcePrefix, "corrective_action_keep_version");
    public string CorrectiveActionUpdate { get; } = Load(resourcePrefix, "corrective_action_update");
    public string CorrectiveActionGet { get; } = Load(resourcePrefix, "corrective_action_get");
    public string CorrectiveActionFindRequest { get; } = Load(resourcePrefix, "corrective_action_find_request");
    public string CorrectiveActionList { get; } = Load(resourcePrefix, "corrective_action_list");
    public string CorrectiveActionHistory { get; } = Load(resourcePrefix, "corrective_action_history");
    public string ScratchExerciseDelete { get; } = Load(resourcePrefix, "scratch_exercise_delete");
    public string SharedSecretInsert { get; } = Load(resourcePrefix, "shared_secret_insert");
    public string SharedSecretGet { get; } = Load(resourcePrefix, "shared_secret_get");

    private static string Load(string prefix, string name) => SqlScripts.Load($"{prefix}.{name}.sql");
}
