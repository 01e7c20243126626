using System.Text.Json;

namespace CiExercise.Scenarios.Reading;

/// <summary>Enum values as scenario files spell them: kebab case, the same policy as ScenarioJson.</summary>
internal static class KebabNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string text, out TEnum value) => ByName.TryGetValue(text, out value);

    public static string NameOf(TEnum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
