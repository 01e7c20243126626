using CiExercise.Contracts.Exercises;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Feed;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// The simulated news and social feed: the control cell's live posts, organizations' press statements (201 once
/// recorded; in play only), and the feed as the principal may see it, page by page.
/// </summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}").WithTags("Feed")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/feed", Read).WithName("ReadFeed").RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapPost("/feed", Post).WithName("PostInFeed").RequireAuthorization(AccessPolicies.ExerciseController).WithIdempotencyKey();
        api.MapPost("/organizations/{orgId}/statements", PublishStatement).WithName("PublishStatement")
            .RequireAuthorization(AccessPolicies.OrganizationSpeaker).WithIdempotencyKey();
        return app;
    }

    /// <summary>The feed after a seq: scripted news and social injects the caller's organization received (staff: all fired) and the posts.</summary>
    public static async Task<Results<Ok<FeedPage>, ValidationProblem, ProblemHttpResult>> Read(
        string id, long? after, int? limit, ExerciseScenarios exercises, FeedReader feed, HttpContext context, CancellationToken cancellationToken)
    {
        if (EventEndpoints.PageErrors(after, limit) is { Any: true } errors) return errors.Problem();
        if (await exercises.FindAsync(id, cancellationToken) is not { } scenario) return ApiProblems.ExerciseNotFound(id);
        return TypedResults.Ok(await feed.ReadAsync(id, scenario, ApiActors.Principal(context), after ?? 0, limit ?? EventEndpoints.DefaultLimit,
            cancellationToken));
    }

    /// <summary>A live news or social post of the control cell.</summary>
    public static async Task<Results<Created<ActionReceipt>, ValidationProblem>> Post(
        string id, FeedPostRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.FeedPost(request.Kind, request.Outlet, request.Handle, request.Headline, request.Body);
        if (errors.Any) return errors.Problem();
        var post = new FeedPost(request.Kind!.Value, request.Outlet!, request.Handle, request.Headline!, request.Body!, null);
        var receipt = await grains.GetGrain<IExerciseGrain>(id).PublishPost(ApiActors.Of(context), post, IdempotencyKeys.Of(context));
        return Receipts.Created(context, id, receipt);
    }

    /// <summary>An organization's press statement: by one of its participants, or by the control cell for an organization it plays.</summary>
    public static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> PublishStatement(
        string id, string orgId, StatementRequest request, ExerciseScenarios exercises, IGrainFactory grains, AccessRefusals refusals,
        HttpContext context, CancellationToken cancellationToken)
    {
        var (organization, problem) = await ParticipantEndpoints.FindOrganization(id, orgId, exercises, cancellationToken);
        if (problem is not null) return problem;
        var (actor, refusal) = OrganizationSpeakers.Resolve(context, organization!, refusals);
        if (refusal is not null) return refusal;
        var errors = ActionChecks.Statement(request.Headline, request.Body);
        if (errors.Any) return errors.Problem();
        var receipt = await grains.GetGrain<IExerciseGrain>(id).PublishPost(actor!, Statement(orgId, request.Headline!, request.Body!),
            IdempotencyKeys.Of(context));
        return Receipts.Created(context, id, receipt);
    }

    /// <summary>A press statement as it is asked for; the exercise grain names its outlet (the organization).</summary>
    internal static FeedPost Statement(string organizationId, string headline, string body) =>
        new(FeedKind.Statement, "", null, headline, body, organizationId);
}
