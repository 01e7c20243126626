using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load.Figures;

/// <summary>
/// What a participant may see (ARCHITECTURE.md invariant 5), written here again on purpose: the check must not
/// use the server code it checks. Exercise-level: the lifecycle and clock only. Its own organization's rows,
/// except deliveries meant for other roles.
/// </summary>
public static class ParticipantAudience
{
    public static readonly IReadOnlySet<EventKind> Lifecycle = new HashSet<EventKind>
    {
        EventKind.ExerciseStarted, EventKind.ExercisePaused, EventKind.ExerciseResumed, EventKind.SpeedChanged,
        EventKind.ClockJumped, EventKind.ExerciseEnded, EventKind.RealWorldHaltDeclared, EventKind.RealWorldHaltLifted,
    };

    public static bool IsExerciseWide(LogRow row) => row.OrganizationId is null && Lifecycle.Contains(row.Kind);

    /// <summary>For a row of the seat's own organization: whether its role sees it.</summary>
    public static bool RoleSees(Seat seat, LogRow row) =>
        row.Kind != EventKind.InjectDelivered
        || !row.Payload.TryGetProperty("roles", out var roles)
        || roles.GetArrayLength() == 0
        || roles.EnumerateArray().Any(r => r.GetString() == seat.Role);
}
