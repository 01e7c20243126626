namespace CiExercise.Review.Report;

/// <summary>
/// The AAR/IP report as a document that every export renders: sections of paragraphs and tables. The web page,
/// Markdown, CSV (one file per table) and Excel (one sheet per table) all come from the same document, so they
/// hold the same figures. Text is already in the report's language.
/// </summary>
public sealed record ReportDocument(string Language, string Title, string Marking, IReadOnlyList<ReportSection> Sections)
{
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables);
}

public sealed record ReportSection(string Id, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// One table. Id names it in downloads (a CSV file, an Excel sheet: at most 31 characters). Cells are text or
/// numbers (int, long, double), or null for empty; numbers stay numbers in Excel.
/// </summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
