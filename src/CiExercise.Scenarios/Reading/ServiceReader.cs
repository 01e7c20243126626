using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>Reads "services": what organizations run, what each depends on and how long a restoring decision takes.</summary>
internal static class ServiceReader
{
    /// <summary>Recovery time of a restoring decision when the file names none.</summary>
    public static readonly TimeSpan DefaultRecovery = TimeSpan.FromHours(1);

    private static readonly string[] Keys = ["id", "name", "organization", "recovery", "depends-on"];
    private static readonly string[] DependencyKeys = ["service", "tolerance"];
    private static readonly string[] EffectKeys = ["service", "to"];

    public static ServiceDraft? Read(YamlNode node, ValueReader values)
    {
        var map = values.Mapping(node, "a service", Keys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "service id");
        var what = $"service '{id?.Id}'";
        map.NameAs(what);
        var name = values.Text(map.Required("name"), $"name of {what}");
        var organization = values.Id(map.Required("organization"), $"organization of {what}");
        var recovery = values.Duration(map.Optional("recovery"), $"recovery of {what}") ?? DefaultRecovery;
        var dependencies = values.List(map.Optional("depends-on"), $"depends-on of {what}", n => ReadDependency(values, n, what),
            ScenarioLimits.MaxDependencies);
        Uniqueness.Check(values.Diagnostics, dependencies.Select(d => d.Service), $"dependency of {what}");

        var service = new Service(id?.Id ?? "", name ?? LocalizedText.Empty, organization?.Id ?? "",
            dependencies.Select(d => d.Value).ToArray(), recovery);
        return new ServiceDraft(service, id?.At ?? map.Start, organization, dependencies);
    }

    /// <summary>"effects" of an inject: each { service, to: down | degraded | up }.</summary>
    public static IReadOnlyList<EffectDraft> ReadEffects(ValueReader values, YamlNode? node, string what) =>
        values.List(node, $"effects of {what}", n => ReadEffect(values, n, what), ScenarioLimits.MaxEffects);

    /// <summary>
    /// A state a file may name: down, degraded or up. Restoring is the engine's passage between down and up, never
    /// set or awaited by a script.
    /// </summary>
    public static ServiceStatus? ReadState(ValueReader values, YamlNode? node, string what)
    {
        var state = values.Enum<ServiceStatus>(node, what, "service state", DiagnosticCodes.InvalidValue);
        if (state != ServiceStatus.Restoring)
        {
            return state;
        }

        values.Diagnostics.Error(node!.Start, DiagnosticCodes.InvalidValue,
            $"{what} is 'restoring'; a scenario names down, degraded or up (restoring is the time a restoring decision takes)");
        return null;
    }

    private static DependencyDraft? ReadDependency(ValueReader values, YamlNode node, string what)
    {
        var map = values.Mapping(node, $"a dependency of {what}", DependencyKeys);
        if (map is null)
        {
            return null;
        }

        var service = values.Id(map.Required("service"), $"service of a dependency of {what}");
        var tolerance = values.Duration(map.Optional("tolerance"), $"tolerance of {what} without '{service?.Id}'", allowZero: true);
        return service is null ? null : new DependencyDraft(new ServiceDependency(service.Id, tolerance ?? TimeSpan.Zero), service);
    }

    private static EffectDraft? ReadEffect(ValueReader values, YamlNode node, string what)
    {
        var map = values.Mapping(node, $"an effect of {what}", EffectKeys);
        if (map is null)
        {
            return null;
        }

        var service = values.Id(map.Required("service"), $"service of an effect of {what}");
        var to = ReadState(values, map.Required("to"), $"'to' of an effect of {what}");
        return service is null || to is null ? null : new EffectDraft(new ServiceEffect(service.Id, to.Value), service);
    }
}
