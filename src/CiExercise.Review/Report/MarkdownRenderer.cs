using System.Globalization;
using System.Text;

namespace CiExercise.Review.Report;

/// <summary>
/// The report as Markdown (GitHub tables): the marking above and below, each section a heading, each table with its
/// caption. Cells are escaped so that a pipe or a line break in someone's text cannot break the table, and HTML in it
/// is shown as text.
/// </summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var text = new StringBuilder();
        text.Append("**").Append(Escape(document.Marking)).Append("**\n\n");
        text.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        foreach (var section in document.Sections)
        {
            text.Append("## ").Append(Escape(section.Heading)).Append("\n\n");
            foreach (var paragraph in section.Paragraphs.Where(p => p.Length > 0))
                text.Append(Escape(paragraph)).Append("\n\n");
            foreach (var table in section.Tables) Table(text, table);
        }

        text.Append("**").Append(Escape(document.Marking)).Append("**\n");
        return text.ToString();
    }

    private static void Table(StringBuilder text, ReportTable table)
    {
        text.Append("### ").Append(Escape(table.Caption)).Append(" (`").Append(table.Id).Append("`)\n\n");
        if (table.Rows.Count == 0)
        {
            text.Append("—\n\n");
            return;
        }

        Row(text, table.Columns);
        text.Append('|').Append(string.Concat(table.Columns.Select(_ => " --- |"))).Append('\n');
        foreach (var row in table.Rows) Row(text, row);
        text.Append('\n');
    }

    private static void Row(StringBuilder text, IEnumerable<object?> cells)
    {
        text.Append('|');
        foreach (var cell in cells) text.Append(' ').Append(Cell(cell)).Append(" |");
        text.Append('\n');
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => Escape(s),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    /// <summary>HTML-encoded, pipes escaped, every line break a &lt;br&gt;: one cell stays one cell.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("\r", "<br>", StringComparison.Ordinal);
}
