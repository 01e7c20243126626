using System.Text.Json;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load.Consoles;

/// <summary>
/// An event as a console receives it on the wire: the hub's LiveEvent, and the inject as the organization
/// may see it when the server pushes it with the delivery ("inject"; absent from servers that do not, whose
/// consoles must ask GetExercise for the text). The bare hub sends the same shape.
/// </summary>
public sealed record LoadEvent(
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
    JsonElement? Inject = null)
{
    /// <summary>The instant the inject was due: recorded wall time minus the lateness the server recorded with it.</summary>
    public DateTimeOffset DueAt =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("lateness", out var lateness)
        && TimeSpan.TryParse(lateness.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var late)
            ? WallTime - late : WallTime;

    public IReadOnlyList<string> Strings(string property) =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    public bool CarriesText => Inject is { ValueKind: JsonValueKind.Object };
}
