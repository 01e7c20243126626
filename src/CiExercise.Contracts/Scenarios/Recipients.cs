namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// Who an inject goes to: everyone, or the union of the named organizations and every organization of
/// the named sectors. Roles narrows delivery to those roles within them; empty means every role.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.Recipients")]
public sealed record Recipients(
    [property: Id(0)] bool Everyone,
    [property: Id(1)] IReadOnlyList<string> Organizations,
    [property: Id(2)] IReadOnlyList<Sector> Sectors,
    [property: Id(3)] IReadOnlyList<string> Roles)
{
    public static Recipients All { get; } = new(true, [], [], []);
}
