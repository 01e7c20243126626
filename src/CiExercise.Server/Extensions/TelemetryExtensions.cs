using CiExercise.Server.Telemetry;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CiExercise.Server.Extensions;

/// <summary>
/// OpenTelemetry from the "Telemetry" section (<see cref="TelemetryOptions"/>): metrics for a Prometheus scrape at
/// /metrics and for OTLP, traces for OTLP only (nothing is traced when nothing collects), and the Orleans dashboard.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static void AddCiExerciseTelemetry(this WebApplicationBuilder builder)
    {
        var options = TelemetryOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        if (options.Dashboard) OrleansDashboard.Add(services);
        if (!options.Prometheus && options.OtlpEndpoint is null) return;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ciexercise", serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetrySources.Meters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus) metrics.AddPrometheusExporter();
                if (options.OtlpEndpoint is { } endpoint) metrics.AddOtlpExporter(otlp => Configure(otlp, endpoint, options.OtlpHttp, "v1/metrics"));
            });
        if (options.OtlpEndpoint is not { } traces) return;

        telemetry.WithTracing(tracing => tracing
            .AddSource(TelemetrySources.ActivitySources)
            // Probes and scrapes arrive every few seconds from every node and say nothing about the exercise.
            .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsProbe(context.Request.Path))
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            .AddOtlpExporter(otlp => Configure(otlp, traces, options.OtlpHttp, "v1/traces")));
        // A grain call carries its caller's trace, so a request's span has its grain calls beneath it.
        services.AddOrleans(silo => silo.AddActivityPropagation());
    }

    public static void MapCiExerciseTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        // Counts by kind, never an exercise's content: the scraper needs no sign-in (keep it off the public proxy).
        if (options.Prometheus) app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        if (options.Dashboard) OrleansDashboard.Map(app);
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);

    /// <summary>
    /// gRPC takes the collector's address as it is; HTTP/protobuf set in code does not add the signal's path itself.
    /// </summary>
    private static void Configure(OtlpExporterOptions otlp, Uri endpoint, bool http, string signalPath)
    {
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        otlp.Endpoint = http ? new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/{signalPath}") : endpoint;
    }
}
