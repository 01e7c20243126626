using System.Text.Json;
using System.Text.Json.Nodes;
using CiExercise.Cli.Load.Figures;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>
/// The product's sends to participants, as a schedule for the bare hub: lifecycle events at the instant they
/// were recorded, deliveries at their due instant, both as offsets from STARTEX, to the groups the product
/// sends them to, at the size the consoles received. Actions are not scheduled: the consoles act again.
/// </summary>
public static class BaselineSchedule
{
    private const int DefaultBytes = 512;

    public static BareSchedule From(ProductRecord record)
    {
        var roles = record.Seats.Select(s => s.Role).ToHashSet();
        var sends = new List<BareSend>();
        foreach (var row in record.Log)
        {
            var bytes = record.WireBytes.GetValueOrDefault(row.Seq, DefaultBytes);
            // The end is sent when the baseline's own play has settled, as the product run ends its exercise (BareHub /end).
            if (row.Kind == EventKind.ExerciseEnded) continue;
            if (ParticipantAudience.IsExerciseWide(row))
            {
                sends.Add(new BareSend(row.WallTime - record.Started, [BareGroups.Players], row.Kind, null, null, row.Payload, bytes));
            }
            else if (row.Kind == EventKind.InjectDelivered && row.OrganizationId is { } org)
            {
                var due = row.WallTime - (row.Payload.TryGetProperty("lateness", out var late) ? TimeSpan.Parse(late.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.Zero);
                var targetRoles = row.Payload.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();
                IReadOnlyList<string> groups = targetRoles.Length == 0 ? [BareGroups.Organization(org)] : targetRoles.Select(r => BareGroups.Role(org, r)).ToArray();
                sends.Add(new BareSend(due - record.Started, groups, row.Kind, org, row.InjectId, OnTime(row.Payload), bytes));
            }
        }
        var actionBytes = record.Log
            .Where(r => r.Kind is EventKind.InjectAcknowledged or EventKind.DecisionRecorded or EventKind.MessageSent or EventKind.MessageReceived or EventKind.ExerciseEnded)
            .GroupBy(r => r.Kind)
            .ToDictionary(g => g.Key, g => (int)g.Average(r => record.WireBytes.GetValueOrDefault(r.Seq, DefaultBytes)));
        return new BareSchedule(sends, actionBytes);
    }

    /// <summary>The bare hub sends each delivery at its due instant: its payload says so (no lateness), or consoles would date it earlier.</summary>
    private static JsonElement OnTime(JsonElement payload)
    {
        var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
        node["lateness"] = "00:00:00";
        node["late"] = false;
        return JsonSerializer.SerializeToElement(node);
    }
}
