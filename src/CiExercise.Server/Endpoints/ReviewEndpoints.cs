using System.Globalization;
using System.Text.Json;
using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Exercises;
using CiExercise.Grains.Scenarios;
using CiExercise.Review;
using CiExercise.Review.Model;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using CiExercise.Server.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// The after-action review: the whole review, its timeline page by page, and the exercise replayed at a seq or a
/// scenario time. Staff of {id} see everything; a participant only once the exercise has ended, and only its own
/// organization (its timeline is what EventAudience lets it see; the whole-exercise replay is staff only).
/// </summary>
public static class ReviewEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxFilterValues = 50;

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}/review").WithTags("Review")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/", Get).WithName("GetReview").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/timeline", Timeline).WithName("GetReviewTimeline").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/replay", Replay).WithName("ReplayExercise").RequireAuthorization(AccessPolicies.ExerciseStaff);
        api.MapGet("/replay/organizations/{orgId}", ReplayOrganization).WithName("ReplayOrganization")
            .RequireAuthorization(AccessPolicies.OrganizationReader);
        return app;
    }

    public static async Task<Results<Ok<ExerciseReview>, ProblemHttpResult>> Get(
        string id, IExerciseReviews reviews, ExerciseScenarios exercises, IEventLog log, AccessRefusals refusals,
        TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var (principal, problem) = await Reader(id, exercises, log, refusals, time, context, cancellationToken);
        if (problem is not null) return problem;
        var review = await reviews.GetAsync(id, cancellationToken);
        return TypedResults.Ok(principal.IsStaff ? review : ParticipantReviews.Filter(review, principal.OrganizationId!));
    }

    public static async Task<Results<Ok<TimelinePage>, ValidationProblem, ProblemHttpResult>> Timeline(
        string id, string[]? organization, string[]? sector, string[]? role, string[]? inject, string[]? objective, string[]? kind,
        string? from, string? to, long? after, int? limit, ReviewService reviews, ExerciseScenarios exercises, IEventLog log,
        AccessRefusals refusals, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        // Who asks is checked first: a refused reader learns nothing, not even that its query was malformed.
        var (principal, problem) = await Reader(id, exercises, log, refusals, time, context, cancellationToken);
        if (problem is not null) return problem;
        var errors = new FieldErrors()
            .Each(nameof(organization), organization, MaxFilterValues).Each(nameof(role), role, MaxFilterValues, Limits.RoleLength)
            .Each(nameof(inject), inject, MaxFilterValues).Each(nameof(objective), objective, MaxFilterValues);
        var sectors = Enums<Sector>(errors, nameof(sector), sector);
        var kinds = Enums<EventKind>(errors, nameof(kind), kind);
        var scenarioFrom = ScenarioTime(errors, nameof(from), from);
        var scenarioTo = ScenarioTime(errors, nameof(to), to);
        if (after < 0) errors.Add("after", "'after' is a sequence number, 0 or more.");
        if (limit is < 1 or > ReviewErrors.MaxTimelineLimit) errors.Add("limit", $"'limit' is 1 to {ReviewErrors.MaxTimelineLimit}.");
        if (errors.Any) return errors.Problem();
        var filter = new TimelineFilter(organization, sectors, role, inject, objective, kinds, scenarioFrom, scenarioTo);
        var page = await reviews.TimelineAsync(id, filter, after ?? 0, limit ?? DefaultLimit,
            principal.IsStaff ? null : e => EventAudience.CanSee(principal, e), cancellationToken);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<ReplaySnapshot>, ValidationProblem, ProblemHttpResult>> Replay(
        string id, long? seq, string? at, IExerciseReviews reviews, ExerciseScenarios exercises, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is null) return ApiProblems.ExerciseNotFound(id);
        var errors = new FieldErrors();
        var moment = Moment(errors, seq, at);
        if (errors.Any) return errors.Problem();
        var atSeq = moment.Seq ?? await reviews.SeqAtScenarioTimeAsync(id, moment.At!.Value, cancellationToken);
        return TypedResults.Ok(await reviews.ReplayAsync(id, atSeq, cancellationToken));
    }

    public static async Task<Results<Ok<ReplayOrganization>, ValidationProblem, ProblemHttpResult>> ReplayOrganization(
        string id, string orgId, long? seq, string? at, IExerciseReviews reviews, ExerciseScenarios exercises, IEventLog log,
        AccessRefusals refusals, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var (principal, problem) = await Reader(id, exercises, log, refusals, time, context, cancellationToken);
        if (problem is not null) return problem;
        var errors = new FieldErrors();
        var moment = Moment(errors, seq, at);
        if (errors.Any) return errors.Problem();
        var atSeq = moment.Seq ?? await reviews.SeqAtScenarioTimeAsync(id, moment.At!.Value, cancellationToken);
        var replay = await reviews.ReplayOrganizationAsync(id, orgId, atSeq, cancellationToken);
        return TypedResults.Ok(replay with { View = ParticipantViews.Filter(replay.View, principal) });
    }

    /// <summary>
    /// The signed-in reader of {id}'s review: staff at any time; a participant only once the exercise has ended
    /// (its status from the log's clock events, by the grain's fold, without waking the grain). The report endpoints
    /// share it, so that a report shows a participant no more than its review.
    /// </summary>
    internal static async Task<(ExercisePrincipal Principal, ProblemHttpResult? Problem)> Reader(
        string id, ExerciseScenarios exercises, IEventLog log, AccessRefusals refusals, TimeProvider time, HttpContext context,
        CancellationToken cancellationToken)
    {
        var principal = ApiActors.Principal(context);
        if (await exercises.FindAsync(id, cancellationToken) is not { } scenario) return (principal, ApiProblems.ExerciseNotFound(id));
        if (principal.IsStaff) return (principal, null);
        var (status, _) = ExerciseStatusFold.Fold(scenario, await log.ReadClockAsync(id, cancellationToken), time.GetUtcNow());
        return status == ExerciseStatus.Ended
            ? (principal, null)
            : (principal, refusals.Forbidden(context, "a participant reads the review once the exercise has ended"));
    }

    /// <summary>Exactly one of seq (1 or more) and at (a scenario time hh:mm:ss).</summary>
    private static (long? Seq, TimeSpan? At) Moment(FieldErrors errors, long? seq, string? at)
    {
        if (seq is null == at is null) errors.Add("seq", "Give either 'seq' or 'at' (a scenario time hh:mm:ss), not both.");
        if (seq < 1) errors.Add("seq", "'seq' is a sequence number, 1 or more.");
        return (seq, ScenarioTime(errors, "at", at));
    }

    private static TimeSpan? ScenarioTime(FieldErrors errors, string field, string? value)
    {
        if (value is null) return null;
        if (value.Length <= 16 && TimeSpan.TryParseExact(value, [@"hh\:mm\:ss", @"d\.hh\:mm\:ss", "c"], CultureInfo.InvariantCulture, out var t)
            && t >= TimeSpan.Zero)
            return t;
        errors.Add(field, $"'{field}' is a scenario time hh:mm:ss, zero or more.");
        return null;
    }

    /// <summary>Enum values as the JSON API writes them (kebab case: "electric-power", "inject-delivered").</summary>
    private static TEnum[]? Enums<TEnum>(FieldErrors errors, string field, string[]? values) where TEnum : struct, Enum
    {
        if (values is null || errors.Each(field, values, MaxFilterValues).Has(field)) return null;
        var parsed = new List<TEnum>();
        foreach (var value in values)
        {
            try
            {
                parsed.Add(JsonSerializer.Deserialize<TEnum>(JsonSerializer.Serialize(value), ScenarioJson.Options));
            }
            catch (JsonException)
            {
                errors.Add(field, $"'{field}' has a value that is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n)))}.");
                return null;
            }
        }
        return parsed.ToArray();
    }
}
