namespace CiExercise.Cli;

/// <summary>Left-aligned columns separated by two spaces; the last column is not padded.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length - 1)
            .Select(c => rows.Max(r => r[c].Length))
            .ToArray();
        foreach (var row in rows)
        {
            var padded = row.Take(widths.Length).Select((cell, c) => cell.PadRight(widths[c]));
            output.WriteLine(string.Join("  ", padded.Append(row[^1])).TrimEnd());
        }
    }
}
