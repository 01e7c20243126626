using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Browsers send the hub token in the WebSocket's query string, and ASP.NET Core's hosting diagnostics log
/// every request's query string (at Information, before any middleware runs), so no middleware can hide it:
/// every log event has its access_token values replaced before any sink sees it.
/// </summary>
public sealed partial class HubTokenRedaction : ILogEventEnricher
{
    private const string Marker = "access_token=";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Contains(Marker, StringComparison.OrdinalIgnoreCase))
                (redacted ??= []).Add(new LogEventProperty(name, new ScalarValue(Token().Replace(text, "$1[redacted]"))));
        }

        foreach (var property in redacted ?? []) logEvent.AddOrUpdateProperty(property);
    }

    [GeneratedRegex("(access_token=)[^&#\\s\"]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
