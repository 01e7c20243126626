namespace CiExercise.Contracts.Exercises;

/// <summary>An inject as one organization received it, and what the organization has done about it.</summary>
[GenerateSerializer, Immutable, Alias("ciex.InboxItem")]
public sealed record InboxItem(
    [property: Id(0)] string InjectId,
    [property: Id(1)] long DeliveredSeq,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] DateTimeOffset DeliveredAt,
    [property: Id(4)] TimeSpan DeliveredAtScenario,
    [property: Id(5)] bool Late,
    [property: Id(6)] TimeSpan? RespondBy,
    [property: Id(7)] long? AcknowledgedSeq,
    [property: Id(8)] string? AcknowledgedBy,
    [property: Id(9)] IReadOnlyList<long> DecisionSeqs);
