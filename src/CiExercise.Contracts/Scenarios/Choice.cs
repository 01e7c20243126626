namespace CiExercise.Contracts.Scenarios;

/// <summary>One answer a participant may pick when an inject asks for a decision.</summary>
[GenerateSerializer, Immutable, Alias("ciex.Choice")]
public sealed record Choice([property: Id(0)] string Id, [property: Id(1)] LocalizedText Text)
{
    /// <summary>Services a decision with this choice restores: they come back up after their recovery time.</summary>
    [Id(2)] public IReadOnlyList<string> Restores { get; init; } = [];
}
