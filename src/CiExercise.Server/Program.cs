using CiExercise.Server.Extensions;
using CiExercise.Server.Hosting;
using Serilog;

Log.Logger = LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    RemoteBinding.Check(builder.Configuration);
    builder.AddCiExercise();

    var app = builder.Build();

    app.UseCiExercise();

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
