namespace CiExercise.Contracts.Scenarios;

/// <summary>Text that people read, in Japanese and English side by side. At least one is present.</summary>
[GenerateSerializer, Immutable, Alias("ciex.LocalizedText")]
public sealed record LocalizedText([property: Id(0)] string? Ja, [property: Id(1)] string? En)
{
    public static readonly LocalizedText Empty = new(null, null);

    /// <summary>The text in the requested language ("ja" or "en"), falling back to the other one.</summary>
    public string In(string language) =>
        (language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Ja ?? En : En ?? Ja) ?? "";

    public override string ToString() => In("en");
}
