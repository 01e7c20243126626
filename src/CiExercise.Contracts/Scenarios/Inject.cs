namespace CiExercise.Contracts.Scenarios;

/// <summary>One scripted event of the MSEL. At is the offset from the scenario start.</summary>
[GenerateSerializer, Immutable, Alias("ciex.Inject")]
public sealed record Inject(
    [property: Id(0)] string Id,
    [property: Id(1)] TimeSpan At,
    [property: Id(2)] Recipients Recipients,
    [property: Id(3)] LocalizedText From,
    [property: Id(4)] Channel Channel,
    [property: Id(5)] LocalizedText Title,
    [property: Id(6)] LocalizedText Body,
    [property: Id(7)] LocalizedText? ExpectedAction,
    [property: Id(8)] TimeSpan? ResponseWindow,
    [property: Id(9)] IReadOnlyList<string> Objectives,
    [property: Id(10)] IReadOnlyList<Choice> Choices)
{
    /// <summary>An incident report: the review measures how fast it travels along the reporting chain.</summary>
    [Id(11)] public bool Incident { get; init; }

    /// <summary>Expects escalation: the review measures when an executive or CISO of each recipient first acted.</summary>
    [Id(12)] public bool Escalation { get; init; }

    /// <summary>Asks each recipient to rate the incident's severity on the national 0–4 scale, as part of its decision.</summary>
    [Id(13)] public SeverityAsk? Severity { get; init; }
}
