using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// The one JSON shape of scenarios and event payloads: camelCase members, enums in kebab case
/// (as in scenario files), nulls left out. Used for stored snapshots, payloads and the HTTP API.
/// </summary>
public static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the shape to options owned by someone else (ASP.NET Core's, for example).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");
}
