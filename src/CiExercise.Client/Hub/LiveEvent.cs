using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Client.Hub;

/// <summary>
/// An event-log row as a console receives it, replayed or live. Seq is the exercise's sequence number:
/// a client remembers the highest it has seen, asks for what follows on reconnect, and drops repeats.
/// Inject comes with every InjectDelivered: the inject as the receiving organization may see it (its
/// text, channel, choices and response window; no answer key), so a console shows it from the push alone.
/// </summary>
public sealed record LiveEvent(
    string ExerciseId,
    long Seq,
    EventKind Kind,
    DateTimeOffset WallTime,
    TimeSpan ScenarioTime,
    string? OrganizationId,
    string ActorId,
    string ActorRole,
    string? InjectId,
    long? RefSeq,
    JsonElement Payload,
    Inject? Inject = null)
{
    /// <summary>Every exercise message is marked as such on the wire, so no one mistakes it for a real incident.</summary>
    public bool Exercise => true;

    public static LiveEvent From(ExerciseEvent e, Inject? inject = null) => new(
        e.ExerciseId, e.Seq, e.Kind, e.WallTime, e.ScenarioTime, e.OrganizationId, e.Actor.Id, e.Actor.Role,
        e.InjectId, e.RefSeq, JsonDocument.Parse(e.Payload).RootElement.Clone(), inject);
}
