using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Exercises;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Identity;

/// <summary>
/// Who speaks for an organization over the API, once the OrganizationSpeaker policy let the principal in: a
/// participant as themself; a controller as the organization (Actor.ControllerAs, so the record keeps both), and
/// only for one the control cell plays. A controller asking to speak for an organization participants play is
/// refused 403 and logged like every access refusal; the organization grain holds the same rule.
/// </summary>
internal static class OrganizationSpeakers
{
    public static (Actor? Actor, ProblemHttpResult? Refusal) Resolve(HttpContext context, Organization organization, AccessRefusals refusals)
    {
        var principal = ApiActors.Principal(context);
        if (principal.Kind != PrincipalKind.Controller) return (principal.ToActor(), null);
        return organization.Simulated
            ? (Actor.ControllerAs(principal.Name, organization.Id), null)
            : (null, refusals.Forbidden(context,
                $"the control cell speaks only for organizations marked simulated; {organization.Id} is played by its participants"));
    }
}
