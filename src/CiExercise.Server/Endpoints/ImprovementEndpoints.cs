using System.Globalization;
using CiExercise.Contracts;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using CiExercise.Review.Improvement;
using CiExercise.Server.Identity;
using CiExercise.Server.Improvement;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// The improvement plan: corrective actions raised in an exercise and carried into later ones (with whether
/// their findings recurred), and the trend across exercises for the control cell.
/// </summary>
public static class ImprovementEndpoints
{
    public const string StaleCode = "corrective-action.stale";

    public static IEndpointRouteBuilder MapImprovementEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}/corrective-actions").WithTags("Improvement plan")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", List).WithName("ListCorrectiveActions").RequireAuthorization(AccessPolicies.ExerciseStaff);
        api.MapPost("/", Add).WithName("AddCorrectiveAction").RequireAuthorization(AccessPolicies.ExerciseAssessor)
            .ProducesProblem(StatusCodes.Status409Conflict).WithIdempotencyKey();
        api.MapPut("/{actionId}", Update).WithName("UpdateCorrectiveAction").RequireAuthorization(AccessPolicies.ExerciseAssessor)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        app.MapGet("/api/improvement/trends", Trend).WithTags("Improvement plan").WithName("ImprovementTrends")
            .RequireAuthorization(AccessPolicies.Controller);
        return app;
    }

    public static async Task<Results<Ok<CorrectiveActionList>, ProblemHttpResult>> List(
        string id, ExerciseScenarios exercises, ImprovementPlan plan, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is null) return ApiProblems.ExerciseNotFound(id);
        return TypedResults.Ok(await plan.ForAsync(id, cancellationToken));
    }

    public static async Task<Results<Created<CorrectiveAction>, ValidationProblem, ProblemHttpResult>> Add(
        string id, CorrectiveActionRequest? request, IExerciseCatalog catalog, ExerciseScenarios exercises,
        ICorrectiveActionStore store, IEventLog log, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } exercise) return ApiProblems.ExerciseNotFound(id);
        if (request is null) return FieldErrors.Single("body", "Send the corrective action as a JSON object.");
        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        if (await CorrectiveActionChecks.CheckAsync(id, request, exercises.Of(exercise), DueFrom(exercise), DueUntil(now), log, errors,
                cancellationToken) is not { } checkedAction)
            return errors.Problem();

        var author = ExercisePrincipal.From(context.User)!.Name;
        var key = IdempotencyKeys.Of(context) is { } clientKey ? ClientActionId.DedupeKey($"{id}\n{author}", clientKey) : null;
        var kept = await store.ListAsync(CorrectiveActionLimits.Stored, cancellationToken);
        var (stored, inExercise) = (kept.Count, kept.Count(a => a.ExerciseId == id));
        if (stored >= CorrectiveActionLimits.Stored || inExercise >= CorrectiveActionLimits.PerExercise)
            return ApiProblems.Create(StatusCodes.Status409Conflict, "Conflict", "corrective-action.plan-full",
                $"Exercise '{id}' has {inExercise} corrective actions and the plan {stored}; at most {CorrectiveActionLimits.PerExercise} " +
                $"per exercise and {CorrectiveActionLimits.Stored} in all are kept.");

        var action = Apply(new CorrectiveAction($"ca-{Guid.NewGuid():N}", id, null, null, null, null, null, "", "", null, null,
            CorrectiveActionStatus.Open, author, now, author, now, 1), checkedAction, author, now);
        var added = await store.AddAsync(action, key, cancellationToken);
        var replayed = added.Id != action.Id;
        if (replayed && !SameContent(added, action))
            return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "Unprocessable content", ClientActionId.ReusedCode,
                ClientActionId.ReusedMessage(IdempotencyKeys.Of(context)!));
        context.Response.Headers.ETag = ETag(added.Version);
        return TypedResults.Created($"/api/exercises/{id}/corrective-actions/{added.Id}", IdempotencyKeys.Answered(context, added, replayed));
    }

    public static async Task<Results<Ok<CorrectiveAction>, ValidationProblem, ProblemHttpResult>> Update(
        string id, string actionId, CorrectiveActionRequest? request, IExerciseCatalog catalog, ExerciseScenarios exercises,
        ICorrectiveActionStore store, IEventLog log, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } exercise) return ApiProblems.ExerciseNotFound(id);
        if (actionId.Length > Limits.IdLength || await store.GetAsync(actionId, cancellationToken) is not { } current || current.ExerciseId != id)
            return ApiProblems.NotFound("corrective-action.not-found", $"Exercise '{id}' raised no corrective action '{Limits.Quote(actionId)}'.");
        if (IfMatch(context) is not { } expected)
            return ApiProblems.Create(StatusCodes.Status428PreconditionRequired, "Precondition required", "corrective-action.version-required",
                $"Send the version you edited as 'If-Match: \"{current.Version}\"' (the ETag of the action), so that no one else's change is overwritten.");
        if (request is null) return FieldErrors.Single("body", "Send the corrective action as a JSON object.");
        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        if (await CorrectiveActionChecks.CheckAsync(id, request, exercises.Of(exercise), DueFrom(exercise), DueUntil(now), log, errors,
                cancellationToken) is not { } checkedAction)
            return errors.Problem();

        try
        {
            var updated = await store.UpdateAsync(Apply(current, checkedAction, ExercisePrincipal.From(context.User)!.Name, now), expected,
                cancellationToken);
            if (updated is null) return ApiProblems.NotFound("corrective-action.not-found", $"Exercise '{id}' raised no corrective action '{actionId}'.");
            context.Response.Headers.ETag = ETag(updated.Version);
            return TypedResults.Ok(updated);
        }
        catch (CorrectiveActionConflictException conflict)
        {
            context.Response.Headers.ETag = ETag(conflict.StoredVersion);
            return TypedResults.Problem(
                $"Corrective action '{actionId}' is at version {conflict.StoredVersion}, not {expected}: someone changed it meanwhile. " +
                "Read it again and apply your change to that version.",
                statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                extensions: new Dictionary<string, object?> { ["code"] = StaleCode, ["currentVersion"] = conflict.StoredVersion });
        }
    }

    public static async Task<Results<Ok<TrendReport>, ValidationProblem>> Trend(
        string? organization, string? sector, string? capability, ImprovementPlan plan, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Id("organization", organization).Length("capability", capability, CorrectiveActionLimits.CapabilityLength)
            .Length("sector", sector, Limits.IdLength);
        Sector? wanted = null;
        if (!errors.Any && sector is not null)
        {
            wanted = Enum.GetValues<Sector>().Cast<Sector?>().FirstOrDefault(s => string.Equals(s.ToString(), sector, StringComparison.OrdinalIgnoreCase)
                || System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()!) == sector);
            if (wanted is null) errors.Add("sector", "'sector' is a sector of the scenario format (finance, information-communications, …).");
        }
        if (errors.Any) return errors.Problem();
        return TypedResults.Ok(await plan.TrendAsync(ExercisePrincipal.From(context.User)!, new TrendFilter(organization, wanted, capability),
            cancellationToken));
    }

    private static CorrectiveAction Apply(CorrectiveAction action, CheckedAction c, string by, DateTimeOffset at) => action with
    {
        ObjectiveId = c.ObjectiveId, Capability = c.Capability, TaskId = c.TaskId, ObservationSeq = c.ObservationSeq, Kpi = c.Kpi,
        Finding = c.Finding, Action = c.Action, OwnerOrganizationId = c.OwnerOrganizationId, Due = c.Due, Status = c.Status,
        UpdatedBy = by, UpdatedAt = at,
    };

    // What the author wrote; ids, authors and times differ between a first request and its retry.
    private static bool SameContent(CorrectiveAction a, CorrectiveAction b) =>
        a with { Id = b.Id, CreatedAt = b.CreatedAt, UpdatedAt = b.UpdatedAt, Version = b.Version, UpdatedBy = b.UpdatedBy } == b;

    private static DateOnly DueFrom(ExerciseRecord exercise) => DateOnly.FromDateTime(exercise.CreatedAt.UtcDateTime).AddDays(-1);

    private static DateOnly DueUntil(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddYears(CorrectiveActionLimits.DueYears);

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version in If-Match: "3" (an ETag), W/"3" or a bare 3; null when absent or not a version.</summary>
    private static int? IfMatch(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch;
        if (header.Count != 1 || header[0] is not { Length: > 0 and <= 20 } value) return null;
        var text = value.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;
    }
}
