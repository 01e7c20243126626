using CiExercise.Contracts.Scenarios;

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
    [property: Id(9)] IReadOnlyList<long> DecisionSeqs)
{
    /// <summary>The report form the inject asks for instead of free text, if any.</summary>
    [Id(10)] public ReportForm? Form { get; init; }

    /// <summary>The organization's reports on the form: each counts as an answer, like a decision.</summary>
    [Id(11)] public IReadOnlyList<long> ReportSeqs { get; init; } = [];

    /// <summary>The latest report (a later one replaces the earlier in views; the record keeps every one).</summary>
    [Id(12)] public SubmittedReport? Report { get; init; }
}
