namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// What a condition of a held inject waits for. Kebab case in files ("all-of", "not-acknowledged").
/// AllOf and AnyOf combine the conditions of <see cref="Condition.Of"/>; the others watch the record.
/// </summary>
public enum ConditionKind
{
    AllOf,
    AnyOf,

    /// <summary>A decision on <see cref="Condition.InjectId"/> (with <see cref="Condition.ChoiceId"/> when given) by the scope.</summary>
    Decision,

    /// <summary>The scope has not acknowledged <see cref="Condition.InjectId"/> by scenario time <see cref="Condition.At"/>.</summary>
    NotAcknowledged,

    /// <summary>A message reaching <see cref="Condition.To"/> (from the scope when given, regarding InjectId when given).</summary>
    Message,

    /// <summary>Inject <see cref="Condition.InjectId"/> delivered.</summary>
    Delivered,

    /// <summary>Service <see cref="Condition.ServiceId"/> reaching <see cref="Condition.State"/> (down, degraded, or up again).</summary>
    Service,

    /// <summary>A severity rating on InjectId at level <see cref="Condition.AtLeast"/> or above, by the scope.</summary>
    Severity,

    /// <summary>A press statement published by the scope.</summary>
    Statement,

    /// <summary>A report form on <see cref="Condition.InjectId"/> submitted by the scope.</summary>
    Report,
}

/// <summary>
/// Who a condition counts: one organization, every organization of a sector, or (neither) any organization the
/// inject reached. Share is the part of the scope that must act (0 &lt; share ≤ 1; null: one is enough).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ConditionScope")]
public sealed record ConditionScope(
    [property: Id(0)] string? OrganizationId,
    [property: Id(1)] Sector? Sector,
    [property: Id(2)] double? Share)
{
    public static ConditionScope Anyone { get; } = new(null, null, null);
}

/// <summary>
/// One condition of a held inject, as written in the scenario file. Only the fields of its kind are set (see
/// <see cref="ConditionKind"/>); the scenario reader refuses the others.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.Condition")]
public sealed record Condition([property: Id(0)] ConditionKind Kind)
{
    /// <summary>The parts of all-of / any-of.</summary>
    [Id(1)] public IReadOnlyList<Condition> Of { get; init; } = [];

    [Id(2)] public string? InjectId { get; init; }

    [Id(3)] public string? ChoiceId { get; init; }

    [Id(4)] public ConditionScope By { get; init; } = ConditionScope.Anyone;

    /// <summary>The scenario time by which a not-acknowledged condition is judged.</summary>
    [Id(5)] public TimeSpan? At { get; init; }

    /// <summary>The organization a message condition waits to see reached.</summary>
    [Id(6)] public string? To { get; init; }

    [Id(7)] public string? ServiceId { get; init; }

    [Id(8)] public ServiceStatus? State { get; init; }

    /// <summary>The lowest severity level (0–4) a severity condition counts.</summary>
    [Id(9)] public int? AtLeast { get; init; }
}

/// <summary>
/// How a conditional inject waits. When: it is held until the condition holds, then fires Delay after (never before
/// its At). Deadline: still held at this scenario time, it is cancelled. Unless: it is cancelled if this holds
/// before it fires. At least one of When and Unless is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.InjectHold")]
public sealed record InjectHold(
    [property: Id(0)] Condition? When,
    [property: Id(1)] TimeSpan Delay,
    [property: Id(2)] TimeSpan? Deadline,
    [property: Id(3)] Condition? Unless);
