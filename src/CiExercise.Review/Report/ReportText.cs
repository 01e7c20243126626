using System.Globalization;
using System.Text.Json;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Report;

/// <summary>
/// The report's language: every label is written in English and Japanese side by side where it is used, and this
/// picks one. Times and figures are formatted the same in both, so that the two reports compare cell by cell.
/// </summary>
public sealed class ReportText
{
    public const string English = "en";
    public const string Japanese = "ja";

    private ReportText(string language) => Language = language;

    public string Language { get; }

    public static ReportText En { get; } = new(English);

    public static ReportText Ja { get; } = new(Japanese);

    /// <summary>"ja" or "en"; anything else is null, so that the caller can say which languages there are.</summary>
    public static ReportText? Of(string? language) => language switch
    {
        null or "" or English => En,
        Japanese => Ja,
        _ => null,
    };

    public string this[string en, string ja] => Language == Japanese ? ja : en;

    public string Of(LocalizedText text) => text.In(Language);

    public string YesNo(bool value) => value ? this["yes", "はい"] : this["no", "いいえ"];

    public string? YesNo(bool? value) => value is { } v ? YesNo(v) : null;

    /// <summary>An enum value as the scenario files and the API spell it (kebab case).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Name(v) : null;

    /// <summary>Wall times in UTC, ISO 8601, so that a spreadsheet sorts them.</summary>
    public static string Wall(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Wall(DateTimeOffset? time) => time is { } t ? Wall(t) : null;

    /// <summary>Scenario time as hh:mm:ss from STARTEX (hours past 24 are kept, not rolled into days).</summary>
    public static string Scenario(TimeSpan time)
    {
        var sign = time < TimeSpan.Zero ? "-" : "";
        var t = time.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{(long)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
    }

    public static string? Scenario(TimeSpan? time) => time is { } t ? Scenario(t) : null;

    /// <summary>A duration as minutes (one decimal): a number, so that Excel can chart and sum it.</summary>
    public static double? Minutes(TimeSpan? time) => time is { } t ? Math.Round(t.TotalMinutes, 1) : null;

    /// <summary>A share 0–1 as a percentage with one decimal.</summary>
    public static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;
}
