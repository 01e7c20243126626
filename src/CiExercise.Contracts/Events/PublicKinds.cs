namespace CiExercise.Contracts.Events;

/// <summary>
/// The exercise-level kinds every participant sees: the lifecycle and clock (<see cref="LifecycleKinds"/>), the
/// state of services, and the news and social feed. One list for the server's audience rule and the event log's
/// visible-events query (a test holds the query to it).
/// </summary>
public static class PublicKinds
{
    public static IReadOnlySet<EventKind> All { get; } =
        new HashSet<EventKind>(LifecycleKinds.All) { EventKind.ServiceChanged, EventKind.FeedPosted };
}
