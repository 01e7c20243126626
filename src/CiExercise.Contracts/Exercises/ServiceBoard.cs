using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>
/// The live state of an exercise's services at AsOfSeq and scenario time At. A participant's board holds only its
/// own organization's services and those they depend on.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ServiceBoard")]
public sealed record ServiceBoard(
    [property: Id(0)] long AsOfSeq,
    [property: Id(1)] TimeSpan At,
    [property: Id(2)] IReadOnlyList<ServiceView> Services);

/// <summary>
/// One service now: its state since when and why; for a restoring service when it comes back (UpAt); for a service
/// whose dependency is down, when it follows unless that comes back first (FailsAt, the scenario time its tolerance runs out).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ServiceView")]
public sealed record ServiceView(
    [property: Id(0)] Service Service,
    [property: Id(1)] ServiceStatus Status,
    [property: Id(2)] TimeSpan Since,
    [property: Id(3)] ServiceCause? Cause,
    [property: Id(4)] string? CauseServiceId,
    [property: Id(5)] TimeSpan? UpAt,
    [property: Id(6)] TimeSpan? FailsAt,
    [property: Id(7)] long? ChangedSeq);
