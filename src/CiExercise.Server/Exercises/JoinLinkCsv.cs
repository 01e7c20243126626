using System.IO.Compression;
using System.Text;
using CiExercise.Review.Report;
using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Exercises;

/// <summary>
/// The join links of an exercise as a CSV for distribution (mail merge, printing): UTF-8 with a byte-order
/// mark so that Excel reads Japanese names correctly, RFC 4180 quoting and the formula guard of the report's CSV
/// (CsvRenderer). The ZIP holds one such CSV per organization, for each organization's coordinator, and one for
/// the exercise staff.
/// </summary>
internal static class JoinLinkCsv
{
    public static readonly string[] Columns = ["name", "kind", "organization", "role", "expires", "url", "email"];

    /// <summary>The ZIP entry of the links that belong to no organization (evaluators, observers, controllers).</summary>
    public const string StaffEntry = "_exercise-staff.csv";

    public static byte[] Write(IEnumerable<(JoinLink Link, string Url)> links)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var (link, url) in links)
        {
            string?[] row = [link.Name, link.Kind, link.OrganizationId, link.Role, Time(link.ExpiresAt), url, link.Email];
            text.Append(CsvRenderer.Line(row)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One CSV per organization ("{organization id}.csv", ids are file-name safe) and one for the staff.</summary>
    public static byte[] WriteZip(IEnumerable<(JoinLink Link, string Url)> links)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var group in links.GroupBy(l => l.Link.OrganizationId).OrderBy(g => g.Key ?? "", StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(group.Key is { } organizationId ? $"{organizationId}.csv" : StaffEntry, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Write(group));
            }
        }

        return buffer.ToArray();
    }

    public static string Time(DateTimeOffset time) => ReportText.Wall(time);
}
