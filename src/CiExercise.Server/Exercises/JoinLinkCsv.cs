using System.Globalization;
using System.Text;

namespace CiExercise.Server.Exercises;

/// <summary>
/// The join links of an exercise as a CSV for distribution (mail merge, printing): UTF-8 with a byte-order
/// mark so that Excel reads Japanese names correctly, RFC 4180 quoting.
/// </summary>
internal static class JoinLinkCsv
{
    public static readonly string[] Columns = ["name", "kind", "organization", "role", "expires", "url"];

    public static byte[] Write(IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Cells that a spreadsheet would run as a formula are prefixed with a quote mark (CSV injection).
    private static string Quote(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal)) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
