using CiExercise.Contracts.Ports;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>The record of an exercise, read after a sequence number, page by page.</summary>
public static class EventEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exercises/{id}/events", Read).WithTags("Events").WithName("ReadEvents")
            .ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AccessPolicies.ExerciseMember);
        return app;
    }

    /// <summary>
    /// A page of the rows the principal may see (EventAudience). NextAfter is the last row read, seen or
    /// not, so that a participant pages past rows of its organization meant for other roles.
    /// </summary>
    public static async Task<Results<Ok<EventPage>, ValidationProblem, ProblemHttpResult>> Read(
        string id, long? after, int? limit, ExerciseScenarios exercises, IEventLog log, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (PageErrors(after, limit) is { Any: true } errors) return errors.Problem();
        if (await exercises.FindAsync(id, cancellationToken) is null)
            return ApiProblems.ExerciseNotFound(id);

        var from = after ?? 0;
        var take = limit ?? DefaultLimit;
        // One row more than asked tells whether another page follows without a count query. A participant's
        // page is read from its organization's rows and the clock only, not from the whole log.
        var principal = ApiActors.Principal(context);
        var rows = principal.IsStaff
            ? await log.ReadAsync(id, from, take + 1, cancellationToken)
            : await log.ReadVisibleAsync(id, principal.OrganizationId!, from, take + 1, cancellationToken);
        var read = rows.Take(take).ToList();
        var events = read.Where(e => EventAudience.CanSee(principal, e)).Select(EventItem.From).ToArray();
        return TypedResults.Ok(new EventPage(events, read.Count > 0 ? read[^1].Seq : from, rows.Count > take));
    }

    /// <summary>What is wrong with a page's query (after a sequence number, at most limit rows), for every paged read of the record.</summary>
    internal static FieldErrors PageErrors(long? after, int? limit)
    {
        var errors = new FieldErrors();
        if (after < 0) errors.Add("after", "'after' is a sequence number, 0 or more.");
        if (limit is < 1 or > MaxLimit) errors.Add("limit", $"'limit' is 1 to {MaxLimit}.");
        return errors;
    }
}
