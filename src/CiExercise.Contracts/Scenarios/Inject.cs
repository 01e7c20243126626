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

    /// <summary>A conditional inject: held until, or cancelled unless, something happens (null: it fires at At).</summary>
    [Id(14)] public InjectHold? Hold { get; init; }

    /// <summary>What firing it does to services (takes one down, degrades it, brings it back).</summary>
    [Id(15)] public IReadOnlyList<ServiceEffect> Effects { get; init; } = [];

    /// <summary>A structured report the recipients answer instead of free text.</summary>
    [Id(16)] public ReportForm? Form { get; init; }

    /// <summary>For news and social-media injects: the outlet (a paper, a broadcaster, a platform) shown in the feed.</summary>
    [Id(17)] public LocalizedText? Outlet { get; init; }

    /// <summary>For social-media injects: the author's handle ("@citizen_kobe").</summary>
    [Id(18)] public string? Handle { get; init; }
}
