using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

/// <summary>An inject, or a service in a state: what a held inject can wait on, and what the firing analysis times.</summary>
internal sealed record HoldNode(string Id, bool IsInject, ServiceStatus State)
{
    public static HoldNode Of(string injectId) => new(injectId, true, default);

    public static HoldNode Of(string serviceId, ServiceStatus state) => new(serviceId, false, state);

    /// <summary>What a condition waits on, when it names an inject or a service.</summary>
    public static HoldNode? WaitedOnBy(Condition leaf) =>
        leaf.InjectId is { } inject ? Of(inject)
        : leaf is { ServiceId: { } service, State: { } state } ? Of(service, state)
        : null;

    public override string ToString() => IsInject ? Id : $"service {Id} {KebabNames<ServiceStatus>.NameOf(State)}";
}
