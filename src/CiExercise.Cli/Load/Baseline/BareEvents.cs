using System.Text.Json;
using System.Text.Json.Nodes;
using CiExercise.Cli.Load.Consoles;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>Builds the bare hub's events: the console's wire shape, the payload padded so the whole event has the product's size.</summary>
internal static class BareEvents
{
    private static long _seq;

    public static LoadEvent Make(EventKind kind, DateTimeOffset wallTime, string? org, string? injectId, JsonElement payload, int bytes)
    {
        var e = new LoadEvent("bare", Interlocked.Increment(ref _seq), kind, wallTime, TimeSpan.Zero, org, "load", "system", injectId, null, payload);
        var size = JsonSerializer.SerializeToUtf8Bytes(e, ScenarioJson.Options).Length;
        if (size >= bytes) return e;
        var padded = JsonNode.Parse(payload.ValueKind == JsonValueKind.Object ? payload.GetRawText() : "{}")!.AsObject();
        // ,"pad":"" costs 9 bytes besides the padding itself.
        padded["pad"] = new string('x', Math.Max(0, bytes - size - 9));
        return e with { Payload = JsonSerializer.SerializeToElement(padded) };
    }
}
