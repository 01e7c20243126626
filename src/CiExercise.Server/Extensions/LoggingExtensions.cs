using CiExercise.Server.Logging;
using CiExercise.Server.Realtime;
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
    public static void AddCiExerciseLogging(this WebApplicationBuilder builder)
    {
        // Picked up by ReadFrom.Services: user text (paths, ids, names) is logged as data, never as raw lines.
        builder.Services.AddSingleton<Serilog.Core.ILogEventEnricher, LogTextEscaping>();
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Filter.ByExcluding(HubRefusalFilter.IsDispatcherFailure)
                .Filter.ByExcluding(Throttling.HubRefusalLogFilter.IsLimitRefusal),
            preserveStaticLogger: true);
    }
}
