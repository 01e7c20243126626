namespace CiExercise.Contracts.Scenarios;

/// <summary>Where a service stands. Kebab case in files and the API.</summary>
public enum ServiceStatus
{
    Up,
    Degraded,
    Down,

    /// <summary>A decision restores it: up again after the service's recovery time.</summary>
    Restoring,
}

/// <summary>
/// A service an organization runs (a power company's supply, a hospital's records system). DependsOn are the
/// services it needs, each with how long it runs without it; RecoveryTime is how long a restoring decision takes.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.Service")]
public sealed record Service(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string OrganizationId,
    [property: Id(3)] IReadOnlyList<ServiceDependency> DependsOn,
    [property: Id(4)] TimeSpan RecoveryTime);

/// <summary>
/// A dependency: when <see cref="ServiceId"/> stays down (or degraded) longer than Tolerance (a generator's
/// hours, zero for none), the dependent follows it into the same state.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ServiceDependency")]
public sealed record ServiceDependency([property: Id(0)] string ServiceId, [property: Id(1)] TimeSpan Tolerance);

/// <summary>What an inject does to a service when it fires: takes it down, degrades it, or brings it back up.</summary>
[GenerateSerializer, Immutable, Alias("ciex.ServiceEffect")]
public sealed record ServiceEffect([property: Id(0)] string ServiceId, [property: Id(1)] ServiceStatus To);
