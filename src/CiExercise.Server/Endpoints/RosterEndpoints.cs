using System.Diagnostics;
using System.Security.Cryptography;
using CiExercise.Contracts.Idempotency;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using CiExercise.Server.Roster;
using CiExercise.Storage.JoinLinks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// Roster import: a controller uploads the exercise's participants (.csv or .xlsx) and gets a join link for
/// each, all or none; with dryRun=true the same checks run and nothing is issued.
/// </summary>
public static partial class RosterEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // What browsers and tools label a roster with; the content itself decides between CSV and .xlsx.
    private static readonly string[] FileTypes =
        ["text/csv", "application/csv", "text/plain", XlsxType, "application/vnd.ms-excel", "application/octet-stream"];

    public static RouteHandlerBuilder MapRosterImport(this RouteGroupBuilder api) =>
        api.MapPost("/roster", Import).WithName("ImportRoster").WithMetadata(BoundedBody.OwnLimit).WithIdempotencyKey()
            .AddOpenApiOperationTransformer(DescribeBody)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static async Task<Results<Ok<RosterReport>, Created<RosterReport>, ValidationProblem, ProblemHttpResult>> Import(
        string id, bool? dryRun, int? expiresInDays, HttpRequest request, ExerciseScenarios exercises, IJoinLinkStore store,
        JoinLinkService links, PublicUrls urls, RosterImports imports, TimeProvider time, ILogger<RosterImports> logger,
        CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is not { } scenario) return ApiProblems.ExerciseNotFound(id);
        var days = expiresInDays ?? (int)JoinLinkService.DefaultLifetime.TotalDays;
        if (days < 1 || days > JoinLinkService.MaxLifetime.TotalDays)
            return FieldErrors.Single("expiresInDays", $"'expiresInDays' is 1 to {JoinLinkService.MaxLifetime.TotalDays} (got {days}).");
        var started = Stopwatch.GetTimestamp();
        var (bytes, refused) = await ReadFileAsync(request, cancellationToken);
        if (refused is not null) return refused;
        // Taken once the file is here, so a slow upload does not hold up another controller's import.
        using var permit = imports.TryEnter();
        if (permit is null)
            return ApiProblems.Create(StatusCodes.Status429TooManyRequests, "Too many requests", "roster.busy",
                "Another roster import is running on this server; try again in a moment.");
        var creator = ExercisePrincipal.From(request.HttpContext.User)!;
        // A retried import (same key, same file) is checked as the first one was, without the links it issued.
        var key = dryRun == true || IdempotencyKeys.Of(request.HttpContext) is not { } clientKey ? null
            : JoinLinkService.KeyOf(id, creator.Name, clientKey, ClientActionId.Fingerprint("ImportRoster", Convert.ToHexString(SHA256.HashData(bytes!)), days));
        var earlier = key is null ? null : await links.FindIssuedAsync(key, cancellationToken);
        var existing = (await store.ListAsync(id, cancellationToken)).Where(l => earlier is null || earlier.All(e => e.Link.Id != l.Id)).ToList();
        var plan = RosterCheck.Check(RosterFile.Read(bytes!), scenario, existing, time.GetUtcNow());
        if (dryRun == true) return TypedResults.Ok(RosterReport.From(plan, dryRun: true));
        if (!plan.Valid) return Invalid(plan);

        var lifetime = TimeSpan.FromDays(days);
        var asked = plan.Entries.Select(e =>
            (new ExercisePrincipal(PrincipalKind.Participant, id, e.Organization.Id, e.Role, e.Name, null), lifetime, e.Email)).ToList();
        var (issued, replayed) = key is null
            ? (await links.IssueAsync(asked, creator.Name, oneTime: false, cancellationToken), false)
            : await links.IssueAsync(asked, creator.Name, key, cancellationToken);
        if (!replayed)
        {
            LogImported(logger, id, issued.Count, plan.Entries.Select(e => e.Organization.Id).Distinct().Count(), creator.Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var report = RosterReport.From(plan, dryRun: false,
            issued.Select(i => new IssuedJoinLink(JoinLinkSummary.From(i.Link), urls.JoinUrl(request, i.Token))).ToList());
        return TypedResults.Created($"/api/exercises/{id}/join-links", IdempotencyKeys.Answered(request.HttpContext, report, replayed));
    }

    /// <summary>The file's bytes from a raw body or the one file of a multipart form, or the refusal.</summary>
    private static async Task<(byte[]? Bytes, ProblemHttpResult? Refused)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > RosterLimits.MaxFileBytes + MultipartAllowance) return (null, TooLarge(request.ContentLength));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)) return (null, WrongType(request.ContentType));
        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions
                {
                    MultipartBodyLengthLimit = RosterLimits.MaxFileBytes, ValueCountLimit = 16, ValueLengthLimit = 1024,
                }, cancellationToken);
            }
            catch (InvalidDataException)
            {
                return (null, TooLarge(null));
            }

            if (form.Files is not [var file, ..])
                return (null, ApiProblems.Create(StatusCodes.Status400BadRequest, "Bad request", "roster.no-file",
                    "Send the roster as the one file of the form (field 'file'), or as the request body."));
            await using var stream = file.OpenReadStream();
            var fromForm = await BoundedBody.ReadAsync(stream, RosterLimits.MaxFileBytes, cancellationToken);
            return fromForm is null ? (null, TooLarge(file.Length)) : (fromForm, null);
        }

        if (!FileTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase)) return (null, WrongType(request.ContentType));
        var bytes = await BoundedBody.ReadAsync(request.Body, RosterLimits.MaxFileBytes, cancellationToken);
        return bytes is null ? (null, TooLarge(null)) : (bytes, null);
    }

    // A form's boundaries and part headers around the file.
    private const int MultipartAllowance = 64 * 1024;

    private static ValidationProblem Invalid(RosterPlan plan)
    {
        var errors = plan.Errors.GroupBy(e => e.Row is null ? "file" : e.Column is null ? $"row {e.Row}" : $"row {e.Row}, column '{e.Column}'")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Text).ToArray());
        var more = plan.ErrorCount > plan.Errors.Count ? $" (the first {plan.Errors.Count} are listed)" : "";
        return TypedResults.ValidationProblem(errors,
            detail: $"The roster has {plan.ErrorCount} error(s){more}; no link was issued. First: {plan.Errors[0].Text}",
            extensions: new Dictionary<string, object?> { ["code"] = "roster.invalid", ["errorCount"] = plan.ErrorCount });
    }

    private static ProblemHttpResult TooLarge(long? length) =>
        ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "Payload too large", "roster.too-large",
            $"A roster file may hold at most {RosterLimits.MaxFileBytes / (1024 * 1024)} MiB{(length is { } l ? $"; this one has {l:N0} bytes" : "")}. Split it into several imports.");

    private static ProblemHttpResult WrongType(string? contentType) =>
        ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "roster.media-type",
            $"Send the roster as a .csv or .xlsx file: the body with the type text/csv or {XlsxType}, or a multipart/form-data upload; got '{contentType}'.");

    private static Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The roster: a header row (name, organization, role, email; or 氏名, 組織, 役割, メール) and one row per person.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = file },
                [XlsxType] = new() { Schema = file },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file } },
                },
            },
        };
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Roster imported into {ExerciseId}: {Links} join links for {Organizations} organizations by {Controller} in {ElapsedMs:F0} ms")]
    private static partial void LogImported(ILogger logger, string exerciseId, int links, int organizations, string controller, double elapsedMs);
}
