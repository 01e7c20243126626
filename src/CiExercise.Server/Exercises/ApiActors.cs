using CiExercise.Contracts.Events;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Exercises;

/// <summary>
/// Who a request acts as: always the signed-in principal, never a name from the body. The access policies
/// have already checked that the principal may act here, so a principal is present.
/// </summary>
internal static class ApiActors
{
    public static ExercisePrincipal Principal(HttpContext context) =>
        ExercisePrincipal.From(context.User) ?? throw new InvalidOperationException("An endpoint that acts needs a signed-in principal.");

    public static Actor Of(HttpContext context) => Principal(context).ToActor();
}
