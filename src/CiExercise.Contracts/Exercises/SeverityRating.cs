namespace CiExercise.Contracts.Exercises;

/// <summary>
/// A rating of an incident on the national 0–4 scale by its three criteria: continuity of the service, safety,
/// loss of trust. The level is the highest of the three.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.SeverityRating")]
public sealed record SeverityRating(
    [property: Id(0)] int Continuity,
    [property: Id(1)] int Safety,
    [property: Id(2)] int Trust)
{
    public const int MaxLevel = 4;

    public int Level => Math.Max(Continuity, Math.Max(Safety, Trust));

    public bool IsValid => Continuity is >= 0 and <= MaxLevel && Safety is >= 0 and <= MaxLevel && Trust is >= 0 and <= MaxLevel;
}
