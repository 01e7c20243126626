namespace CiExercise.Contracts.Scenarios;

/// <summary>An organization that plays (or that the control cell plays for it, when Simulated).</summary>
[GenerateSerializer, Immutable, Alias("ciex.Organization")]
public sealed record Organization(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] Sector Sector,
    [property: Id(3)] string? ReportsTo,
    [property: Id(4)] IReadOnlyList<string> Roles,
    [property: Id(5)] bool Simulated)
{
    /// <summary>The sector information-sharing body (CEPTOAR) this operator belongs to, when it has one.</summary>
    [Id(6)] public string? Ceptoar { get; init; }
}
