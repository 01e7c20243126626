using System.Net;
using System.Text;
using CiExercise.Contracts.Exercises;
using CiExercise.Review.Model;
using CiExercise.Review.Report;
using CiExercise.Server.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Server.Tests.Reports;

/// <summary>The report downloads of a played exercise: the same figures as its review, in every format, for whom the review is.</summary>
public sealed class ReportEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_download_carries_the_reviews_figures_and_the_whole_timeline()
    {
        var id = await PlayedExerciseAsync();
        var review = await _api.GetAsync<ExerciseReview>($"/api/exercises/{id}/review");

        var document = await _api.GetAsync<ReportDocument>($"/api/exercises/{id}/review/report?lang=ja");
        Assert.Equal("ja", document.Language);
        var bank = review.Kpis.Organizations.Single(f => f.Key == "bank");
        var row = document.Tables.Single(t => t.Id == "kpi_organizations").Rows.Single(r => r[0]?.ToString() == "bank");
        Assert.Equal(bank.Delivered.ToString(System.Globalization.CultureInfo.InvariantCulture), row[3]?.ToString());

        using (var csv = await _api.Http.GetAsync($"/api/exercises/{id}/review/report.csv?table=timeline&lang=en", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal($"{id}-timeline-en.csv", csv.Content.Headers.ContentDisposition?.FileName);
            var bytes = await csv.Content.ReadAsByteArrayAsync(Cancel);
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes[3..]));
            Assert.Equal(review.LastSeq + 2, rows.Count);
            Assert.Equal(Enumerable.Range(1, (int)review.LastSeq).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                rows.Skip(2).Select(r => r[0]));
        }

        using (var xlsx = await _api.Http.GetAsync($"/api/exercises/{id}/review/report.xlsx?lang=en", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal($"{id}-report-en.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);
            using var package = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel)), false);
            var workbook = package.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == TimelineTable.Id);
            Assert.Equal(review.LastSeq + 2, ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Count());
            var kpis = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "kpi_organizations");
            var bankRow = ((WorksheetPart)workbook.GetPartById(kpis.Id!)).Worksheet.Descendants<Row>()
                .Single(r => r.Elements<Cell>().First().InnerText == "bank");
            var delivered = bankRow.Elements<Cell>().ElementAt(3);
            Assert.Equal(CellValues.Number, delivered.DataType?.Value);
            Assert.Equal(bank.Delivered.ToString(System.Globalization.CultureInfo.InvariantCulture), delivered.CellValue!.Text);
        }

        var markdown = await _api.Http.GetStringAsync($"/api/exercises/{id}/review/report.md", Cancel);
        Assert.StartsWith($"**{ReportBuilder.EnglishMarking}**", markdown);
        Assert.Contains("| bank |", markdown);
    }

    [Fact]
    public async Task An_unknown_table_or_language_is_a_problem_that_names_what_there_is()
    {
        var id = (await _api.CreateExerciseAsync()).Id;

        using var table = await _api.Http.GetAsync($"/api/exercises/{id}/review/report.csv?table=nope", Cancel);
        var problem = await ProblemAssert.ReadAsync(table, HttpStatusCode.NotFound);
        Assert.Equal("report.unknown-table", problem.Code);
        Assert.Contains("kpi_organizations", problem.Detail);
        Assert.Contains("timeline", problem.Detail);
        using var language = await _api.Http.GetAsync($"/api/exercises/{id}/review/report?lang=fr", Cancel);
        Assert.Equal("report.unknown-language", (await ProblemAssert.ReadAsync(language, HttpStatusCode.BadRequest)).Code);
        using var missing = await _api.Http.GetAsync("/api/exercises/no-such-exercise/review/report.md", Cancel);
        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(missing, HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task A_participant_gets_its_own_organizations_report_once_the_exercise_has_ended()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        using (var early = await bank.Http.GetAsync($"/api/exercises/{id}/review/report", Cancel))
            Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        await _api.CommandAsync(id, "speed", new { speed = 3600 });
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        await _api.CommandAsync(id, "end");

        var document = await bank.GetAsync<ReportDocument>($"/api/exercises/{id}/review/report");

        Assert.Equal(["bank"], document.Tables.Single(t => t.Id == "kpi_organizations").Rows.Select(r => r[0]?.ToString()));
        Assert.Empty(document.Tables.Single(t => t.Id == "objectives").Rows);
        var timeline = CsvText.Parse(Encoding.UTF8.GetString((await bank.Http.GetByteArrayAsync(
            $"/api/exercises/{id}/review/report.csv?table=timeline", Cancel))[3..]));
        Assert.All(timeline.Skip(2), r => Assert.True(r[4] is "" or "bank", $"a timeline row of {r[4]}"));
    }

    /// <summary>Played at full speed to the end, the bank acknowledging its first inject.</summary>
    private async Task<string> PlayedExerciseAsync()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects.Any(i => i.Inject.Id == "i1-alert" && i.Status == InjectStatus.Fired), "i1 fired");
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        using (var ack = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements", new { injectId = "i1-alert" }))
            Assert.Equal(HttpStatusCode.Created, ack.StatusCode);
        await _api.CommandAsync(id, "speed", new { speed = 3600 });
        await _api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        await _api.CommandAsync(id, "end");
        return id;
    }
}
