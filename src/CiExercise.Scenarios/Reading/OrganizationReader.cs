using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

internal static class OrganizationReader
{
    private static readonly string[] Keys = ["id", "name", "sector", "reports-to", "ceptoar", "roles", "simulated"];

    /// <param name="scenarioRoles">The roles an organization plays when it names none.</param>
    public static OrganizationDraft? Read(YamlNode node, ValueReader values, IReadOnlyList<string> scenarioRoles)
    {
        var map = values.Mapping(node, "an organization", Keys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "organization id");
        var what = $"organization '{id?.Id}'";
        map.NameAs(what);
        var name = values.Text(map.Required("name"), $"name of {what}");
        var sector = ReadSector(values, map.Required("sector"), what);
        var reportsTo = values.Id(map.Optional("reports-to"), $"reports-to of {what}");
        var ceptoar = values.Id(map.Optional("ceptoar"), $"ceptoar of {what}");
        var rolesNode = map.Optional("roles");
        var roles = values.List(rolesNode, $"roles of {what}", n => values.Id(n, "role"));
        var simulated = values.Bool(map.Optional("simulated"), $"simulated of {what}") ?? false;

        var roleNames = rolesNode is null ? scenarioRoles : roles.Select(r => r.Id).Distinct().ToArray();
        var organization = new Organization(id?.Id ?? "", name ?? LocalizedText.Empty, sector ?? default, reportsTo?.Id, roleNames, simulated)
        {
            Ceptoar = ceptoar?.Id,
        };
        return new OrganizationDraft(organization, id?.At ?? map.Start, reportsTo, roles, ceptoar);
    }

    public static Sector? ReadSector(ValueReader values, YamlNode? node, string what) =>
        values.Enum<Sector>(node, $"sector of {what}", "sector", DiagnosticCodes.UnknownSector);
}
