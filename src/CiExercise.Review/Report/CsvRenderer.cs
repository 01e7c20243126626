using CiExercise.Spreadsheets;

namespace CiExercise.Review.Report;

/// <summary>
/// One table as a CSV file: UTF-8 with a byte-order mark (so that Excel reads Japanese correctly), RFC 4180 quoting,
/// CRLF line ends. The first line carries the EXERCISE marking, the second the column names. A text cell that a
/// spreadsheet would run as a formula (= + - @, tab, carriage return first) is prefixed with a quote mark.
/// </summary>
public static class CsvRenderer
{
    public static Task WriteAsync(ReportDocument document, ReportTable table, Stream stream, CancellationToken cancellationToken = default) =>
        WriteAsync(document.Marking, table.Columns, Sync(table.Rows), stream, cancellationToken);

    public static async Task WriteAsync(
        string marking, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows, Stream stream,
        CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(stream, CsvTable.Utf8WithMark, 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(Line([marking]));
        await writer.WriteLineAsync(Line(columns));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(IEnumerable<object?> cells) => CsvTable.Line(cells);

    /// <summary>One cell: numbers as invariant numbers, text guarded against formula injection and quoted when needed.</summary>
    public static string Cell(object? value) => CsvTable.Cell(value);

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Sync(IEnumerable<IReadOnlyList<object?>> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }
}
