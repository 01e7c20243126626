using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Exercises;

/// <summary>
/// What a participant may see of the whole (invariant 5): only injects already delivered to their own
/// organization and role, without other organizations among the recipients, and nothing about what comes
/// next, nor the evaluators' answer key (expected action, objectives). Staff see the views unchanged.
/// </summary>
internal static class ParticipantViews
{
    public static ExerciseView Filter(ExerciseView view, ExercisePrincipal principal)
    {
        if (principal.IsStaff) return view;
        var org = principal.OrganizationId!;
        var delivered = view.Injects
            .Where(i => i.Status == InjectStatus.Fired && i.Recipients.Contains(org)
                && (i.Inject.Recipients.Roles.Count == 0 || i.Inject.Recipients.Roles.Contains(principal.Role!)))
            .Select(i => i with { Recipients = [org], Inject = ForParticipant(i.Inject, principal) })
            .ToArray();
        return view with { Injects = delivered, NextInjectAt = null };
    }

    private static Inject ForParticipant(Inject inject, ExercisePrincipal principal) =>
        AsDelivered(inject, principal.OrganizationId!, inject.Recipients.Roles.Count == 0 ? [] : [principal.Role!]);

    /// <summary>An inject as the organization it was delivered to may see it: no other recipients, no answer key.</summary>
    public static Inject AsDelivered(Inject inject, string organizationId, IReadOnlyList<string> roles) => inject with
    {
        Recipients = new Recipients(false, [organizationId], [], roles),
        ExpectedAction = null,
        Objectives = [],
    };

    public static OrganizationView Filter(OrganizationView view, ExercisePrincipal principal) =>
        principal.IsStaff ? view
            : view with { Inbox = view.Inbox.Where(i => i.Roles.Count == 0 || i.Roles.Contains(principal.Role!)).ToArray() };
}
