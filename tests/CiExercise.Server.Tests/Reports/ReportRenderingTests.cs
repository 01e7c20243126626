using System.Globalization;
using System.Text;
using CiExercise.Review.Report;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Server.Tests.Reports;

/// <summary>The report built from a hand-made review, and each rendering of it read back the way its reader would.</summary>
public sealed class ReportRenderingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Ja_and_en_have_the_same_tables_and_figures_in_their_own_words()
    {
        var en = SampleReview.Document(ReportText.En);
        var ja = SampleReview.Document(ReportText.Ja);

        Assert.Equal(en.Tables.Select(t => t.Id), ja.Tables.Select(t => t.Id));
        Assert.All(en.Tables, t => Assert.InRange(t.Id.Length, 1, 31));
        Assert.Equal(en.Tables.Count(), en.Tables.Select(t => t.Id).Distinct().Count());
        foreach (var (e, j) in en.Tables.Zip(ja.Tables))
        {
            Assert.NotEqual(e.Caption, j.Caption);
            Assert.Equal(e.Rows.Count, j.Rows.Count);
            // Numbers are the same in both languages, cell by cell.
            Assert.Equal(e.Rows.SelectMany(r => r).Where(IsNumber), j.Rows.SelectMany(r => r).Where(IsNumber));
        }

        Assert.Contains("EXERCISE", en.Marking);
        Assert.Contains("訓練", ja.Marking);
        Assert.StartsWith("事後評価報告書", ja.Title);
    }

    [Fact]
    public void The_document_carries_the_reviews_figures_coverage_and_actions()
    {
        var document = SampleReview.Document(ReportText.En);

        var bank = Row(document, "kpi_organizations", "bank");
        Assert.Equal([4, 4, 3, 4, 3, 75.0, 1, 1, 4.5, 9.0, 12.0, null], bank.Skip(3));
        Assert.Equal("Bank", bank[1]);
        var exercise = Row(document, "kpi_sectors", "Exercise");
        Assert.Equal(6, exercise[2]);
        Assert.Contains(Table(document, "coverage").Rows, r => (string?)r[0] == "o2" && r[1] is null);
        Assert.Contains(Table(document, "coverage").Rows, r => (string?)r[0] == "o2" && (string?)r[1] == "t9");
        Assert.Equal("nisc", Table(document, "chain_never_reached").Rows.Single()[2]);
        Assert.Equal("ca-1", Table(document, "improvement_plan").Rows.Single()[0]);
        var carried = Table(document, "earlier_findings").Rows.Single();
        Assert.Equal(["ex-earlier", "ca-0"], carried.Take(2));
        Assert.Equal("yes", carried[^2]);
        Assert.Equal("S", Row(document, "objectives", "o1")[3]);
        Assert.Equal(4.0, Table(document, "hot_wash_ratings").Rows.Single(r => (string?)r[0] == "realism")[3]);
        Assert.Single(Table(document, "improvements").Rows);
    }

    [Fact]
    public async Task The_workbook_read_back_holds_every_table_with_numbers_as_numbers()
    {
        var document = SampleReview.Document(ReportText.Ja);
        using var buffer = new MemoryStream();
        var timeline = new XlsxRenderer.ExtraSheet(TimelineTable.Id, ["seq", "kind"], Rows([[1L, "exercise-created"], [2L, "=cmd"]]));

        await XlsxRenderer.WriteAsync(document, buffer, timeline, Cancel);

        buffer.Position = 0;
        using var package = SpreadsheetDocument.Open(buffer, false);
        var workbook = package.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal([XlsxRenderer.ReportSheet, .. document.Tables.Select(t => t.Id), TimelineTable.Id], names);
        foreach (var table in document.Tables)
        {
            var rows = SheetRows(workbook, table.Id);
            Assert.Equal(document.Marking, rows[0][0].Text);
            Assert.Equal(table.Columns, rows[1].Select(c => c.Text));
            Assert.All(rows[1], c => Assert.Equal(1u, c.Style));
            Assert.Equal(table.Rows.Count, rows.Count - 2);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var expected = table.Rows[r][c];
                    var cell = rows[r + 2][c];
                    if (IsNumber(expected))
                    {
                        Assert.True(cell.Number, $"{table.Id} row {r} column {c} is not a number");
                        Assert.Equal(Convert.ToDouble(expected, CultureInfo.InvariantCulture), double.Parse(cell.Text, CultureInfo.InvariantCulture));
                    }
                    else Assert.Equal(expected?.ToString() ?? "", cell.Text);
                }
            }
        }

        var kpis = SheetRows(workbook, "kpi_organizations");
        Assert.Equal("75", kpis[2][8].Text);
        var sheet = SheetRows(workbook, TimelineTable.Id);
        Assert.Equal(["2", "=cmd"], sheet[3].Select(c => c.Text));
        Assert.Equal("銀行", kpis[2][1].Text);
    }

    [Fact]
    public async Task A_csv_has_a_bom_quotes_by_rfc_4180_and_guards_formulas()
    {
        var document = SampleReview.Document(ReportText.En);
        var table = Table(document, "improvements");
        using var buffer = new MemoryStream();

        await CsvRenderer.WriteAsync(document, table, buffer, Cancel);

        var bytes = buffer.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal([document.Marking], rows[0]);
        Assert.Equal(table.Columns, rows[1]);
        var row = rows[2];
        Assert.Equal("21", row[0]);
        Assert.Equal("'" + SampleReview.HostileText, row[4]);
        Assert.Equal(3, rows.Count);
        Assert.Equal("-1", CsvRenderer.Cell(-1));
        Assert.Equal("'-1", CsvRenderer.Cell("-1"));
        Assert.Equal("'@x", CsvRenderer.Cell("@x"));
        Assert.Equal("'+1", CsvRenderer.Cell("+1"));
    }

    [Fact]
    public void Markdown_tables_keep_one_row_per_line_and_one_cell_per_column()
    {
        var document = SampleReview.Document(ReportText.En);

        var markdown = MarkdownRenderer.Render(document);

        Assert.StartsWith($"**{document.Marking}**", markdown);
        Assert.EndsWith($"**{document.Marking}**\n", markdown);
        var table = Table(document, "improvements");
        var lines = markdown.Split('\n');
        var caption = Array.FindIndex(lines, l => l.EndsWith("(`improvements`)", StringComparison.Ordinal));
        var header = Array.IndexOf(lines, "| " + string.Join(" | ", table.Columns) + " |", caption);
        Assert.True(header > 0, "The improvements table's header is missing.");
        var row = lines[header + 2];
        Assert.Equal(table.Columns.Count + 1, UnescapedPipes(row));
        Assert.Contains("\\| line one<br>line two, \"quoted\"", row);
        Assert.Contains("# After-action report and improvement plan: Spring drill", markdown);
        Assert.Equal("&lt;b&gt;", MarkdownRenderer.Escape("<b>"));
    }

    [Fact]
    public async Task A_timeline_over_the_bound_is_refused_before_a_row_is_written()
    {
        var reviews = new PagedTimeline(5);
        TimelinePages pages = (after, limit, cancellationToken) => reviews.TimelineAsync("ex", new(), after, limit, cancellationToken);

        var refused = await Assert.ThrowsAsync<TimelineTooLargeException>(() => TimelineTable.OpenAsync(pages, "ex", ReportText.En, maxRows: 4, Cancel));
        var rows = await TimelineTable.OpenAsync(pages, "ex", ReportText.En, maxRows: 5, Cancel);

        Assert.Equal(5, refused.Rows);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], await rows.Select(r => (long)r[0]!).ToListAsync(Cancel));
        Assert.Equal(1 + 3, reviews.Pages);
    }

    private static bool IsNumber(object? value) => value is int or long or double;

    private static int UnescapedPipes(string line) => line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();

    private static ReportTable Table(ReportDocument document, string id) => document.Tables.Single(t => t.Id == id);

    private static IReadOnlyList<object?> Row(ReportDocument document, string table, string key) =>
        Table(document, table).Rows.Single(r => (string?)r[0] == key);

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }

    private sealed record SheetCell(string Text, bool Number, uint? Style);

    private static List<List<SheetCell>> SheetRows(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(c => new SheetCell(
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "",
            c.DataType?.Value == CellValues.Number, c.StyleIndex?.Value)).ToList()).ToList();
    }
}
