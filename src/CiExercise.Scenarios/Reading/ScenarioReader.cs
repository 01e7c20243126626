using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Reads the scenario mapping section by section, then runs the cross-reference checks. The sections are
/// read in dependency order (roles before organizations, start before injects), whatever order the file uses.
/// </summary>
internal static class ScenarioReader
{
    public static readonly IReadOnlyList<string> DefaultRoles = ["executive", "ciso", "manager", "staff"];

    private static readonly string[] Keys =
        ["id", "title", "summary", "time-zone", "start", "duration", "roles", "phases", "organizations", "objectives", "services", "injects", "review"];

    public static (Scenario? Scenario, SourcePosition? IdAt) Read(YamlNode root, DiagnosticBag diagnostics)
    {
        var values = new ValueReader(diagnostics);
        if (root is not YamlMapping)
        {
            diagnostics.Error(root.Start, DiagnosticCodes.WrongType, $"a scenario file must be a mapping of keys (id, title, ...), not {root.Kind}");
            return (null, null);
        }

        var map = values.Mapping(root, "the scenario", Keys)!;
        var id = values.Id(map.Required("id"), "scenario id");
        var title = values.Text(map.Required("title"), "scenario title");
        var summary = values.Text(map.Optional("summary"), "scenario summary");
        var clock = ReadClock(values, map);
        var duration = values.Duration(map.Optional("duration"), "duration");

        var rolesNode = map.Optional("roles");
        var roles = values.List(rolesNode, "roles", n => values.Id(n, "role"));
        Uniqueness.Check(diagnostics, roles, "role");
        var roleNames = rolesNode is null ? DefaultRoles : roles.Select(r => r.Id).Distinct().ToArray();

        var organizations = values.List(map.Required("organizations"), "organizations", n => OrganizationReader.Read(n, values, roleNames));
        var objectives = values.List(map.Optional("objectives"), "objectives", n => ObjectiveReader.Read(n, values));
        var phases = values.List(map.Optional("phases"), "phases", n => PhaseReader.Read(n, values));
        var services = values.List(map.Optional("services"), "services", n => ServiceReader.Read(n, values), ScenarioLimits.MaxServices);
        var injects = values.List(map.Required("injects"), "injects", n => InjectReader.Read(n, values, clock));
        var review = ReviewReader.Read(map.Optional("review"), values);

        var checks = new ScenarioChecks(diagnostics, roleNames, organizations, objectives);
        checks.Run(phases, injects, duration);
        checks.CheckDynamics(services, injects, duration);
        checks.CheckReview(review);
        if (diagnostics.HasErrors || id is null || title is null || clock is null)
        {
            return (null, id?.At);
        }

        var scenario = new Scenario(id.Id, title, summary ?? LocalizedText.Empty, clock.Zone.Id, clock.Start, duration,
            phases.Select(p => p.Value).ToArray(), organizations.Select(o => o.Value).ToArray(),
            objectives.Select(o => o.Value).ToArray(), injects.Select(i => i.Value).OrderBy(i => i.At).ToArray())
        {
            Review = review.Value,
            Services = services.Select(s => s.Value).ToArray(),
        };
        return (scenario, id.At);
    }

    private static StoryClock? ReadClock(ValueReader values, MappingReader map)
    {
        var zoneNode = values.Scalar(map.Required("time-zone"), "time-zone");
        var startNode = values.Scalar(map.Required("start"), "start");
        TimeZoneInfo? zone = null;
        if (zoneNode is not null && !TryFindZone(zoneNode.Value, out zone))
        {
            values.Diagnostics.Error(zoneNode.Start, DiagnosticCodes.BadTimeZone,
                $"unknown time zone '{zoneNode.Value}'; use an IANA zone id such as Asia/Tokyo or Europe/Berlin");
        }

        if (startNode is null)
        {
            return null;
        }

        if (!TimeSyntax.TryParseStoryTime(startNode.Value, out var local))
        {
            values.Diagnostics.Error(startNode.Start, DiagnosticCodes.BadTimeFormat,
                $"start '{startNode.Value}' is not a story date-time; write yyyy-MM-ddTHH:mm in the scenario's time zone, without an offset");
            return null;
        }

        if (zone is null)
        {
            return null;
        }

        if (zone.IsInvalidTime(local))
        {
            values.Diagnostics.Error(startNode.Start, DiagnosticCodes.BadTimeFormat,
                $"start '{startNode.Value}' does not exist in {zone.Id} (the clocks skip it); pick another time");
            return null;
        }

        return new StoryClock(zone, new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    private static bool TryFindZone(string id, out TimeZoneInfo? zone)
    {
        // Windows ids resolve too on most systems; files must stay portable, so only IANA ids count.
        zone = null;
        if (id.Length == 0 || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }
}
