using Microsoft.AspNetCore.Authorization;

namespace CiExercise.Server.Identity;

/// <summary>
/// Decides every <see cref="AccessRequirement"/>: the one place that knows which principal may touch which
/// exercise and organization. A refusal carries its reason, which the refusal handler logs.
/// </summary>
internal sealed class AccessHandler : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        var principal = ExercisePrincipal.From(context.User);
        if (principal is null) return Task.CompletedTask; // unauthenticated: the middleware challenges (401)
        var http = context.Resource as HttpContext;
        var exerciseId = http?.GetRouteValue("id") as string;
        var orgId = http?.GetRouteValue("orgId") as string;
        var refusal = Refusal(requirement.Policy, principal, exerciseId, orgId);
        if (refusal is null) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, refusal));
        return Task.CompletedTask;
    }

    internal static string? Refusal(string policy, ExercisePrincipal p, string? exerciseId, string? orgId)
    {
        var controller = p.Kind == PrincipalKind.Controller;
        var covers = exerciseId is not null && p.Covers(exerciseId);
        return policy switch
        {
            AccessPolicies.Signed or AccessPolicies.Redeem => null,
            AccessPolicies.Controller => controller ? null : "only controllers may do this",
            AccessPolicies.ControllerOfAll => controller && p.ExerciseId is null ? null : "only a controller of every exercise may do this",
            AccessPolicies.ExerciseController => !controller ? "only controllers may do this"
                : covers ? null : "the controller is not bound to this exercise",
            AccessPolicies.ExerciseMember => covers ? null : "the principal does not belong to this exercise",
            AccessPolicies.OrganizationReader => !covers ? "the principal does not belong to this exercise"
                : p.IsStaff || p.OrganizationId == orgId ? null : "a participant sees only their own organization",
            AccessPolicies.OrganizationActor => p.Kind != PrincipalKind.Participant ? "only participants act as an organization"
                : !covers ? "the principal does not belong to this exercise"
                : p.OrganizationId == orgId ? null : "a participant acts only as their own organization",
            AccessPolicies.OrganizationSpeaker => p.Kind is not (PrincipalKind.Participant or PrincipalKind.Controller)
                ? "only participants and the control cell speak for an organization"
                : !covers ? "the principal does not belong to this exercise"
                : controller || p.OrganizationId == orgId ? null : "a participant acts only as their own organization",
            AccessPolicies.ExerciseEvaluator => p.Kind != PrincipalKind.Evaluator ? "only evaluators record observations"
                : covers ? null : "the principal does not belong to this exercise",
            AccessPolicies.ExerciseAssessor => p.Kind is not (PrincipalKind.Controller or PrincipalKind.Evaluator)
                ? "only controllers and evaluators write the improvement plan"
                : covers ? null : "the principal does not belong to this exercise",
            AccessPolicies.ExerciseStaff => !covers ? "the principal does not belong to this exercise"
                : p.IsStaff ? null : "only the control cell, evaluators and observers may see this",
            _ => $"unknown access policy '{policy}'",
        };
    }
}
