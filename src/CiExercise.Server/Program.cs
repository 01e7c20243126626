using CiExercise.Server.Extensions;
using CiExercise.Server.Hosting;
using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;
using Serilog;

Log.Logger = LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    RemoteBinding.Check(builder.Configuration);
    builder.AddCiExerciseLogging();
    builder.AddCiExerciseSilo();
    builder.AddCiExerciseServices();
    builder.AddCiExerciseIdentity();
    builder.AddCiExerciseApi();
    builder.AddCiExerciseRealtime();
    builder.AddCiExerciseLimits();

    var app = builder.Build();

    app.UseCiExerciseApi();
    app.UseCiExerciseConsoles();
    // The hub's Origin check runs before authentication, so a foreign page is refused whatever it carries.
    app.UseCiExerciseRealtime();
    app.UseAuthentication();
    app.UseCiExerciseLimits();
    app.UseAuthorization();
    app.MapCiExerciseEndpoints();
    app.MapCiExerciseConsoles();

    app.Run();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "CiExercise server stopped unexpectedly");
    Environment.ExitCode = 1;
}
finally
{
    Log.CloseAndFlush();
}

/// <summary>Named so that functional tests can start the real app (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
