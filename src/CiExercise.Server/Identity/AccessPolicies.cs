using Microsoft.AspNetCore.Authorization;

namespace CiExercise.Server.Identity;

/// <summary>
/// Who may call what, one policy per kind of endpoint. The exercise and organization a request is about
/// come from its route values {id} and {orgId}, so a policy checks them without reading the body.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in principal (what it then sees is filtered by the endpoint).</summary>
    public const string Signed = "ciex-signed";

    /// <summary>A token presented to be redeemed, including an unused one-time sign-in link.</summary>
    public const string Redeem = "ciex-redeem";

    /// <summary>Any controller: scenarios, which reveal every future inject.</summary>
    public const string Controller = "ciex-controller";

    /// <summary>A controller of every exercise: creating exercises.</summary>
    public const string ControllerOfAll = "ciex-controller-of-all";

    /// <summary>A controller covering {id}: the clock, ad-hoc injects, join links.</summary>
    public const string ExerciseController = "ciex-exercise-controller";

    /// <summary>Anyone of {id}: the exercise and its record, filtered for participants.</summary>
    public const string ExerciseMember = "ciex-exercise-member";

    /// <summary>Staff of {id}, or a participant of {orgId}.</summary>
    public const string OrganizationReader = "ciex-organization-reader";

    /// <summary>A participant of {orgId} in {id}: acts as that organization.</summary>
    public const string OrganizationActor = "ciex-organization-actor";

    /// <summary>
    /// Who speaks for {orgId} in {id} (messages, press statements): its participants, or a controller of {id}, who
    /// speaks only for an organization the control cell plays (the endpoint checks that it is simulated).
    /// </summary>
    public const string OrganizationSpeaker = "ciex-organization-speaker";

    /// <summary>An evaluator of {id}: observations.</summary>
    public const string ExerciseEvaluator = "ciex-exercise-evaluator";

    /// <summary>A controller or evaluator of {id}: the improvement plan (corrective actions).</summary>
    public const string ExerciseAssessor = "ciex-exercise-assessor";

    /// <summary>Staff (controller, evaluator, observer) of {id}: presence and communication-check reports.</summary>
    public const string ExerciseStaff = "ciex-exercise-staff";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var policy in new[]
                 {
                     Signed, Redeem, Controller, ControllerOfAll, ExerciseController, ExerciseMember, OrganizationReader,
                     OrganizationActor, OrganizationSpeaker, ExerciseEvaluator, ExerciseAssessor, ExerciseStaff,
                 })
            options.AddPolicy(policy, p => p.AddRequirements(new AccessRequirement(policy)));
        // An endpoint that names no policy and does not allow anonymous callers still needs a principal.
        options.FallbackPolicy = options.GetPolicy(Signed);
    }
}

public sealed record AccessRequirement(string Policy) : IAuthorizationRequirement;
