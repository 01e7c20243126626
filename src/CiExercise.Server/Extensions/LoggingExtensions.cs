using Serilog;

namespace CiExercise.Server.Extensions;

public static class LoggingExtensions
{
    /// <summary>Logs what happens before the host is built (bad configuration, a port in use).</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    /// <summary>
    /// Serilog configured from the "Serilog" section. The host gets its own logger instead of taking over
    /// the static one, so that several hosts in one process (functional tests) do not dispose each other's.
    /// </summary>
    public static void AddCiExerciseLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
}
