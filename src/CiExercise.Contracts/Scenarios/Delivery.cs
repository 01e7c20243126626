namespace CiExercise.Contracts.Scenarios;

/// <summary>One organization an inject reaches, and the roles within it that see it (empty: all).</summary>
[GenerateSerializer, Immutable, Alias("ciex.DeliveryTarget")]
public sealed record DeliveryTarget([property: Id(0)] string OrganizationId, [property: Id(1)] IReadOnlyList<string> Roles);
