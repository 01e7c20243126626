using CiExercise.Contracts.Ports;
using CiExercise.Review.Report;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Reports;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// The after-action report (as JSON for the page, Markdown, Excel and CSV, all rendered from one ReportDocument), the
/// export of an exercise's whole record, and its import on another server as a read-only exercise.
/// </summary>
public static class ReportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises").WithTags("Reports");
        api.MapGet("/{id}/review/report", Document).WithName("GetReport").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/{id}/review/report.md", Markdown).WithName("GetReportMarkdown").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/{id}/review/report.xlsx", Workbook).WithName("GetReportWorkbook").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/{id}/review/report.csv", Csv).WithName("GetReportTable").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/{id}/export.json", Export).WithName("ExportExercise").RequireAuthorization(AccessPolicies.ExerciseStaff);
        api.MapPost("/import", Import).WithName("ImportExercise").WithMetadata(BoundedBody.OwnLimit)
            .ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(AccessPolicies.ControllerOfAll);
        return app;
    }

    public static async Task<Results<Ok<ReportDocument>, ProblemHttpResult>> Document(
        [AsParameters] ReportRequest request, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await request.ReadAsync(cancellationToken);
        return problem is not null ? problem : TypedResults.Ok(document);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Markdown(
        [AsParameters] ReportRequest request, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await request.ReadAsync(cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document)), "text/markdown; charset=utf-8",
            $"{request.Id}-report-{document.Language}.md");
    }

    /// <summary>Every table of the report and the whole timeline, one sheet each: written to a private temporary file (a package needs a seekable stream), then sent.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Workbook(
        [AsParameters] ReportRequest request, CancellationToken cancellationToken)
    {
        var (document, pages, problem) = await request.ReadAsync(cancellationToken);
        if (problem is not null) return problem;
        var text = ReportText.Of(document.Language)!;
        IAsyncEnumerable<IReadOnlyList<object?>> timeline;
        try
        {
            timeline = await TimelineTable.OpenAsync(pages, request.Id, text, request.Limits.TimelineRows, cancellationToken);
        }
        catch (TimelineTooLargeException tooLarge)
        {
            return TimelineTooLarge(tooLarge);
        }

        var file = TemporaryFile.Create("ciex-report", ".xlsx");
        try
        {
            await XlsxRenderer.WriteAsync(document, file, new XlsxRenderer.ExtraSheet(TimelineTable.Id, TimelineTable.Columns(text), timeline), cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, XlsxType, $"{request.Id}-report-{text.Language}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>One table as CSV; the timeline table streams every event of the log page by page.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Csv(
        [AsParameters] ReportRequest request, string? table, CancellationToken cancellationToken)
    {
        var (document, pages, problem) = await request.ReadAsync(cancellationToken);
        if (problem is not null) return problem;
        var text = ReportText.Of(document.Language)!;
        var fileName = $"{request.Id}-{table}-{text.Language}.csv";
        if (table == TimelineTable.Id)
        {
            IAsyncEnumerable<IReadOnlyList<object?>> rows;
            try
            {
                rows = await TimelineTable.OpenAsync(pages, request.Id, text, request.Limits.TimelineRows, cancellationToken);
            }
            catch (TimelineTooLargeException tooLarge)
            {
                return TimelineTooLarge(tooLarge);
            }

            return TypedResults.Stream(stream => CsvRenderer.WriteAsync(document.Marking, TimelineTable.Columns(text), rows, stream, cancellationToken),
                "text/csv; charset=utf-8", fileName);
        }

        if (document.Tables.FirstOrDefault(t => t.Id == table) is not { } found)
            return ApiProblems.NotFound("report.unknown-table",
                $"The report has no table '{Contracts.Limits.Quote(table)}'; its tables are {string.Join(", ", document.Tables.Select(t => t.Id).Append(TimelineTable.Id))}.");
        return TypedResults.Stream(stream => CsvRenderer.WriteAsync(document, found, stream, cancellationToken), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>The whole record, streamed from the log page by page.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        string id, IExerciseCatalog catalog, IEventLog log, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } record) return ApiProblems.ExerciseNotFound(id);
        return TypedResults.Stream(stream => ExportWriter.WriteAsync(record, log, stream, cancellationToken), "application/json", ExportFormat.FileName(id));
    }

    /// <summary>An export of another server, as a read-only exercise; ?id= gives it another id than the one it was exported with.</summary>
    internal static async Task<Results<Created<ImportedExercise>, ProblemHttpResult>> Import(
        [FromQuery] string? id, ExerciseImporter importer, ExportLimits limits, HttpContext context, CancellationToken cancellationToken)
    {
        // Kestrel's own body limit (30 MB) would cut a large export short; the importer bounds its reading itself.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.Bytes + 1;
        try
        {
            var imported = await importer.ImportAsync(context.Request.Body, id, cancellationToken);
            return TypedResults.Created($"/api/exercises/{imported.Id}", imported);
        }
        catch (ImportProblem problem)
        {
            return ApiProblems.Create(problem.Status, problem.Status == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Invalid import",
                problem.Code, problem.Message);
        }
    }

    private static ProblemHttpResult TimelineTooLarge(TimelineTooLargeException tooLarge) =>
        ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "Unprocessable content", "report.timeline-too-large", tooLarge.Message);
}
