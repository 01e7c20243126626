using System.Globalization;
using System.Text.RegularExpressions;

namespace CiExercise.Scenarios;

/// <summary>
/// The time notations of scenario files. Offsets from the scenario start are "+HH:MM", "+HH:MM:SS" or
/// "+Nd HH:MM" written "+1d02:00"; durations are the same without "+"; story date-times are
/// "yyyy-MM-ddTHH:mm[:ss]" in the scenario's time zone, without an offset.
/// </summary>
public static partial class TimeSyntax
{
    private static readonly string[] StoryFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryParseOffset(string text, out TimeSpan offset) =>
        TryParseSpan(text, requirePlus: true, out offset);

    public static bool TryParseDuration(string text, out TimeSpan duration) =>
        TryParseSpan(text, requirePlus: false, out duration);

    public static bool TryParseStoryTime(string text, out DateTime local) =>
        DateTime.TryParseExact(text, StoryFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>Writes an offset the way files do: "+01:30", "+1d02:00", "+00:00:15".</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        var days = offset.Days > 0 ? $"{offset.Days}d" : "";
        var seconds = offset.Seconds > 0 ? $":{offset.Seconds:00}" : "";
        return $"{sign}{days}{offset.Hours:00}:{offset.Minutes:00}{seconds}";
    }

    private static bool TryParseSpan(string text, bool requirePlus, out TimeSpan span)
    {
        span = default;
        var match = Span().Match(text);
        if (!match.Success || match.Groups["plus"].Success != requirePlus)
        {
            return false;
        }

        var days = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 0;
        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["d"].Success && hours > 23)
        {
            return false;
        }

        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var seconds = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        span = new TimeSpan(days, hours, minutes, seconds);
        return true;
    }

    [GeneratedRegex(@"^(?<plus>\+)?(?:(?<d>\d{1,3})d)?(?<h>\d{1,3}):(?<m>[0-5]\d)(?::(?<s>[0-5]\d))?$")]
    private static partial Regex Span();
}
