using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// A change of a service's state the rules call for, at scenario time At, with the dedupe key that makes two
/// activations write it once (it names the service, the change and the moment or the decision behind it).
/// </summary>
internal sealed record ServiceTransition(
    string ServiceId,
    ServiceStatus From,
    ServiceStatus To,
    ServiceCause Cause,
    TimeSpan At,
    string? DedupeKey,
    string? CauseServiceId = null,
    long? DecisionSeq = null);
