using CiExercise.Contracts.Events;

namespace CiExercise.Server.Exercises;

/// <summary>
/// Who a request acts as. Until sign-in exists every control command comes from one controller; this is
/// the single place that changes when requests carry a signed-in user.
/// </summary>
internal static class ApiActors
{
    public static Actor Controller(HttpContext context) => Actor.Controller("controller");

    public static Actor Participant(HttpContext context, string organizationId, string participant, string role) =>
        new(participant.Trim(), role, organizationId);
}
