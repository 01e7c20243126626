using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    // The exercise grain hands out the same inject list until an inject fires, and thousands of consoles
    // open at STARTEX: each organization and role's share of it is worked out once per list, not per reader
    // (an all-hands inject lists 850 recipients to search).
    private static readonly ConditionalWeakTable<IReadOnlyList<InjectState>, ConcurrentDictionary<(string Org, string Role), InjectState[]>> Shares = new();

    public static ExerciseView Filter(ExerciseView view, ExercisePrincipal principal)
    {
        if (principal.IsStaff) return view;
        var delivered = Shares.GetOrCreateValue(view.Injects)
            .GetOrAdd((principal.OrganizationId!, principal.Role!), static (key, injects) => Share(injects, key.Org, key.Role), view.Injects);
        return view with { Injects = delivered, NextInjectAt = null };
    }

    private static InjectState[] Share(IReadOnlyList<InjectState> injects, string org, string role) =>
        injects
            .Where(i => i.Status == InjectStatus.Fired && i.Recipients.Contains(org)
                && (i.Inject.Recipients.Roles.Count == 0 || i.Inject.Recipients.Roles.Contains(role)))
            .Select(i => i with
            {
                Recipients = [org],
                Inject = AsDelivered(i.Inject, org, i.Inject.Recipients.Roles.Count == 0 ? [] : [role]),
                Hold = null,
            })
            .ToArray();

    /// <summary>An inject as the organization it was delivered to may see it: no other recipients, no answer key, nor what it waited for.</summary>
    public static Inject AsDelivered(Inject inject, string organizationId, IReadOnlyList<string> roles) => inject with
    {
        Recipients = new Recipients(false, [organizationId], [], roles),
        ExpectedAction = null,
        Objectives = [],
        Hold = null,
    };

    public static OrganizationView Filter(OrganizationView view, ExercisePrincipal principal) =>
        principal.IsStaff ? view
            : view with { Inbox = view.Inbox.Where(i => i.Roles.Count == 0 || i.Roles.Contains(principal.Role!)).ToArray() };
}
