namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>An organization a check should reach; Via is the organization expected to pass it on (null: the control cell).</summary>
[GenerateSerializer, Immutable, Alias("ciex.CheckTarget")]
public sealed record CheckTarget(
    [property: Id(0)] string OrganizationId,
    [property: Id(1)] CheckStage Stage,
    [property: Id(2)] string? Via);
