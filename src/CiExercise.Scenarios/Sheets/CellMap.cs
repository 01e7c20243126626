namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// Where in a workbook a diagnostic belongs: a sheet, a row as the spreadsheet numbers it, a zero-based column with
/// its key, and for a YAML cell the line and column inside the cell. Null parts: the whole sheet, row or workbook.
/// </summary>
internal sealed record SheetPlace(string? Sheet, int? Row = null, int? Column = null, string? Key = null, bool IsYaml = false);

/// <summary>
/// Gives each place of a workbook a range of lines of its own, so that the tree built from the cells carries
/// ordinary source positions through the scenario reader, and each position it reports leads back to its cell.
/// Lines before FirstLine belong to the base scenario file.
/// </summary>
internal sealed class CellMap(int firstLine)
{
    private readonly List<(int Line, SheetPlace Place)> _spans = [];
    private int _next = firstLine;

    public int FirstLine { get; } = firstLine;

    /// <summary>Reserves lines for place (a YAML cell: one per line of its text); its first position.</summary>
    public SourcePosition Add(SheetPlace place, int lines = 1)
    {
        var at = new SourcePosition(_next, 1);
        _spans.Add((_next, place));
        _next += Math.Max(1, lines);
        return at;
    }

    /// <summary>The place a line belongs to and the line within it (1 for the place's first); null before FirstLine.</summary>
    public (SheetPlace Place, int Line)? Find(int line)
    {
        if (line < FirstLine || _spans.Count == 0) return null;
        var low = 0;
        var high = _spans.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_spans[middle].Line <= line) low = middle;
            else high = middle - 1;
        }

        return (_spans[low].Place, line - _spans[low].Line + 1);
    }
}
