using System.Text.Json;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>
/// What the bare hub sends and when: each event the product sent to participants, at the same offset from
/// its STARTEX (which the hub sets when asked to start, and answers); what came before STARTEX is replayed
/// to each console as it subscribes (a delivery at its due instant), to the same groups, padded to the same size on the wire.
/// ActionBytes are the sizes of the rows participants' actions produce, by kind, so its answers weigh the same.
/// </summary>
public sealed record BareSchedule(IReadOnlyList<BareSend> Sends, IReadOnlyDictionary<EventKind, int> ActionBytes);

public sealed record BareSend(TimeSpan Offset, IReadOnlyList<string> Groups, EventKind Kind, string? OrganizationId, string? InjectId, JsonElement Payload, int Bytes);

/// <summary>The bare hub's group names: the same three per console as the product's EventAudience (players, organization, role).</summary>
public static class BareGroups
{
    public const string Players = "players";

    public static string Organization(string org) => $"org|{org}";

    public static string Role(string org, string role) => $"org|{org}|{role}";
}
