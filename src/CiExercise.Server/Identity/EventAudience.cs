using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Identity;

/// <summary>
/// Who may see an event (ARCHITECTURE.md invariant 5): controllers, evaluators and observers see all;
/// a participant sees the clock and lifecycle, services and the feed (PublicKinds), and its own organization's stream except deliveries meant
/// for other roles. The replay filter and the live SignalR groups both come from here, so they agree.
/// </summary>
public static class EventAudience
{
    // Shared with the event log's visible-events query (IEventLog.ReadVisibleAsync), so replay reads what this allows.
    private static readonly IReadOnlySet<EventKind> Public = PublicKinds.All;

    public static bool CanSee(ExercisePrincipal principal, ExerciseEvent e)
    {
        if (!principal.Covers(e.ExerciseId)) return false;
        if (principal.IsStaff) return true;
        if (e.OrganizationId is null) return Public.Contains(e.Kind);
        if (e.OrganizationId != principal.OrganizationId) return false;
        return RolesOf(e) is not { Count: > 0 } roles || roles.Contains(principal.Role!);
    }

    /// <summary>The SignalR groups an event is sent to; a connection joins the groups of <see cref="GroupsOf"/>.</summary>
    public static IReadOnlyList<string> GroupsFor(ExerciseEvent e)
    {
        var staff = Groups.Staff(e.ExerciseId);
        if (e.OrganizationId is null) return Public.Contains(e.Kind) ? [staff, Groups.Players(e.ExerciseId)] : [staff];
        return RolesOf(e) is { Count: > 0 } roles
            ? [staff, .. roles.Select(r => Groups.Role(e.ExerciseId, e.OrganizationId, r))]
            : [staff, Groups.Organization(e.ExerciseId, e.OrganizationId)];
    }

    public static IReadOnlyList<string> GroupsOf(ExercisePrincipal principal, string exerciseId) =>
        !principal.Covers(exerciseId) ? []
        : principal.IsStaff ? [Groups.Staff(exerciseId)]
        : [Groups.Players(exerciseId), Groups.Organization(exerciseId, principal.OrganizationId!), Groups.Role(exerciseId, principal.OrganizationId!, principal.Role!)];

    /// <summary>The group of an exercise's staff consoles (controllers, evaluators, observers): presence goes there.</summary>
    public static string StaffGroup(string exerciseId) => Groups.Staff(exerciseId);

    private static IReadOnlyList<string>? RolesOf(ExerciseEvent e) =>
        e.Kind == EventKind.InjectDelivered ? ScenarioJson.Deserialize<InjectDeliveredPayload>(e.Payload).Roles : null;

    private static class Groups
    {
        public static string Staff(string exerciseId) => $"{exerciseId}|staff";
        public static string Players(string exerciseId) => $"{exerciseId}|players";
        public static string Organization(string exerciseId, string org) => $"{exerciseId}|org|{org}";
        public static string Role(string exerciseId, string org, string role) => $"{exerciseId}|org|{org}|{role}";
    }
}
