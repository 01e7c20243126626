namespace CiExercise.Server.Telemetry;

/// <summary>
/// The "Telemetry" section: a Prometheus scrape endpoint (on by default: scraping costs nothing until something
/// scrapes), OTLP export of metrics and traces when an endpoint is given, and the Orleans dashboard for controllers.
/// Read once at start; a wrong value stops the server with a message that names the setting.
/// </summary>
public sealed record TelemetryOptions(bool Prometheus, Uri? OtlpEndpoint, bool OtlpHttp, bool Dashboard)
{
    public const string Section = "Telemetry";

    public static TelemetryOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var endpoint = section["Otlp:Endpoint"] is { Length: > 0 } text ? Endpoint(text) : null;
        var protocol = section["Otlp:Protocol"] ?? "grpc";
        if (protocol is not ("grpc" or "http"))
            throw new InvalidOperationException($"Telemetry:Otlp:Protocol is '{protocol}'; it is 'grpc' (port 4317 usually) or 'http' (HTTP/protobuf, port 4318).");
        return new TelemetryOptions(section.GetValue("Prometheus", true), endpoint, protocol == "http", section.GetValue("Dashboard", false));
    }

    private static Uri Endpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException(
                $"Telemetry:Otlp:Endpoint is '{text}'; it must be an absolute http:// or https:// address of an OpenTelemetry collector.");
}
