using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;

namespace CiExercise.Server.Extensions;

/// <summary>
/// The whole server in two calls, in the order that matters: what Program.cs runs, and what `ciex rehearse`
/// hosts in its own process (with its own clock and wake-ups put in place after <see cref="AddCiExercise"/>).
/// </summary>
public static class HostExtensions
{
    public static void AddCiExercise(this WebApplicationBuilder builder)
    {
        builder.AddCiExerciseLogging();
        builder.AddCiExerciseSilo();
        builder.AddCiExerciseServices();
        builder.AddCiExerciseIdentity();
        builder.AddCiExerciseApi();
        builder.AddCiExerciseRealtime();
        builder.AddCiExerciseLimits();
        builder.AddCiExerciseTelemetry();
    }

    public static void UseCiExercise(this WebApplication app)
    {
        app.UseCiExerciseApi();
        app.UseCiExerciseConsoles();
        // The hub's Origin check runs before authentication, so a foreign page is refused whatever it carries.
        app.UseCiExerciseRealtime();
        app.UseAuthentication();
        app.UseCiExerciseLimits();
        app.UseAuthorization();
        app.MapCiExerciseEndpoints();
        app.MapCiExerciseTelemetry();
        app.MapCiExerciseConsoles();
    }
}
