using System.Text.Json;
using CiExercise.Contracts.Events;

namespace CiExercise.Server.Exercises;

/// <summary>
/// A page of the event log. NextAfter is the sequence number to ask after for the next page
/// (the last one returned, or the one asked after when the page is empty).
/// </summary>
public sealed record EventPage(IReadOnlyList<EventItem> Events, long NextAfter, bool HasMore);

/// <summary>One event-log row, its payload as the JSON object it is rather than a string.</summary>
public sealed record EventItem(
    long Seq,
    EventKind Kind,
    DateTimeOffset WallTime,
    TimeSpan ScenarioTime,
    string? OrganizationId,
    Actor Actor,
    string? InjectId,
    long? RefSeq,
    JsonElement Payload)
{
    public static EventItem From(ExerciseEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return new(e.Seq, e.Kind, e.WallTime, e.ScenarioTime, e.OrganizationId, e.Actor, e.InjectId, e.RefSeq,
            payload.RootElement.Clone());
    }
}
