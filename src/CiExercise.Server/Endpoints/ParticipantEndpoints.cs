using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// What participants do as their organization, which is the one their link names: the actor (name, role,
/// organization) is the signed-in principal. Each action is answered 201 only once its row is durable:
/// the organization grain returns after the append commits.
/// </summary>
public static class ParticipantEndpoints
{
    public static IEndpointRouteBuilder MapParticipantEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}/organizations/{orgId}").WithTags("Participants")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", GetView).WithName("GetOrganization").RequireAuthorization(AccessPolicies.OrganizationReader);
        api.MapPost("/acknowledgements", Acknowledge).WithName("AcknowledgeInject").RequireAuthorization(AccessPolicies.OrganizationActor)
            .WithIdempotencyKey();
        api.MapPost("/decisions", Decide).WithName("RecordDecision").RequireAuthorization(AccessPolicies.OrganizationActor)
            .WithIdempotencyKey();
        api.MapPost("/messages", SendMessage).WithName("SendMessage").RequireAuthorization(AccessPolicies.OrganizationSpeaker)
            .WithIdempotencyKey();
        api.MapPost("/reports", SubmitReport).WithName("SubmitReport").RequireAuthorization(AccessPolicies.OrganizationActor)
            .WithIdempotencyKey();
        api.MapPost("/hot-wash", SubmitHotWash).WithName("SubmitHotWash").RequireAuthorization(AccessPolicies.OrganizationActor)
            .WithIdempotencyKey();
        return app;
    }

    /// <summary>The organization's inbox and messages; a participant sees only the deliveries meant for their role.</summary>
    public static async Task<Results<Ok<OrganizationView>, ProblemHttpResult>> GetView(
        string id, string orgId, ExerciseScenarios exercises, IGrainFactory grains, HttpContext context, CancellationToken cancellationToken)
    {
        var (_, problem) = await FindOrganization(id, orgId, exercises, cancellationToken);
        if (problem is not null) return problem;
        var view = await grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, orgId)).GetView();
        return TypedResults.Ok(ParticipantViews.Filter(view, ApiActors.Principal(context)));
    }

    public static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        string id, string orgId, AcknowledgeRequest request, ExerciseScenarios exercises, IGrainFactory grains,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = ActionChecks.Acknowledgement(request.InjectId);
        return await Act(id, orgId, request, errors, exercises, grains, context,
            (grain, actor) => grain.Acknowledge(actor, request.InjectId!, IdempotencyKeys.Of(context)), cancellationToken);
    }

    public static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> Decide(
        string id, string orgId, DecisionRequest request, ExerciseScenarios exercises, IGrainFactory grains,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = ActionChecks.Decision(request.InjectId, request.ChoiceId, request.Text);
        var severity = request.Severity?.ToRating(errors);
        return await Act(id, orgId, request, errors, exercises, grains, context,
            (grain, actor) => grain.Decide(actor, request.InjectId!, request.ChoiceId, request.Text, severity, IdempotencyKeys.Of(context)),
            cancellationToken);
    }

    /// <summary>A participant's hot-wash answers: 201 once recorded, 409 before the exercise has ended.</summary>
    public static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> SubmitHotWash(
        string id, string orgId, HotWashRequest request, ExerciseScenarios exercises, IGrainFactory grains,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = ActionChecks.HotWash(request.Answers);
        return await Act(id, orgId, request, errors, exercises, grains, context,
            (grain, actor) => grain.SubmitHotWash(actor, request.Answers!.OfType<HotWashAnswer>().ToArray(), IdempotencyKeys.Of(context)),
            cancellationToken);
    }

    /// <summary>A message as the organization: by one of its participants, or by a controller when the control cell plays it.</summary>
    public static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> SendMessage(
        string id, string orgId, MessageRequest request, ExerciseScenarios exercises, IGrainFactory grains, AccessRefusals refusals,
        HttpContext context, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage(request.To ?? [], request.Subject ?? "", request.Body ?? "",
            request.RegardingInjectId, request.ForwardedFromSeq);
        var errors = ActionChecks.Message(message);
        return await Act(id, orgId, request, errors, exercises, grains, context,
            (grain, actor) => grain.SendMessage(actor, message, IdempotencyKeys.Of(context)), cancellationToken, refusals);
    }

    /// <summary>A report form's answers on an inject that asks for one: 201 once recorded; it answers the inject like a decision.</summary>
    public static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> SubmitReport(
        string id, string orgId, ReportFormRequest request, ExerciseScenarios exercises, IGrainFactory grains,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = ActionChecks.Report(request.InjectId, request.Answers);
        return await Act(id, orgId, request, errors, exercises, grains, context,
            (grain, actor) => grain.SubmitReport(actor, request.InjectId!, request.Answers!.OfType<FieldAnswer>().ToArray(), IdempotencyKeys.Of(context)),
            cancellationToken);
    }

    /// <summary>
    /// Checks what the API can know from the scenario (the organization, the recipients) before
    /// the organization grain checks the rest, so that a refused action reaches no grain at all. With speakers,
    /// the control cell may act too, as an organization it plays (OrganizationSpeakers).
    /// </summary>
    private static async Task<Results<Created<ActionReceipt>, ValidationProblem, ProblemHttpResult>> Act(
        string id, string orgId, IParticipantRequest request, FieldErrors errors, ExerciseScenarios exercises,
        IGrainFactory grains, HttpContext context, Func<IOrganizationGrain, Actor, Task<ActionReceipt>> action,
        CancellationToken cancellationToken, AccessRefusals? speakers = null)
    {
        var (organization, problem) = await FindOrganization(id, orgId, exercises, cancellationToken);
        if (problem is not null) return problem;
        var actor = ApiActors.Of(context);
        if (speakers is not null)
        {
            (var speaker, problem) = OrganizationSpeakers.Resolve(context, organization!, speakers);
            if (problem is not null) return problem;
            actor = speaker!;
        }
        // Only recipients within their bounds are looked up, and only the first unknown one is named.
        if (!errors.Any && request is MessageRequest { To: { } to })
        {
            var scenario = (await exercises.FindAsync(id, cancellationToken))!;
            if (to.FirstOrDefault(o => scenario.FindOrganization(o) is null) is { } unknown)
                errors.Add("to", $"The exercise has no organization '{unknown}'.");
        }
        if (errors.Any) return errors.Problem();

        var receipt = await action(grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, orgId)), actor);
        return Receipts.Created(context, id, receipt);
    }

    internal static async Task<(Organization? Organization, ProblemHttpResult? Problem)> FindOrganization(
        string id, string orgId, ExerciseScenarios exercises, CancellationToken cancellationToken)
    {
        var scenario = await exercises.FindAsync(id, cancellationToken);
        if (scenario is null) return (null, ApiProblems.ExerciseNotFound(id));
        var organization = scenario.FindOrganization(orgId);
        return organization is null
            ? (null, ApiProblems.NotFound("organization.not-found", $"Exercise '{id}' has no organization '{orgId}'."))
            : (organization, null);
    }
}
