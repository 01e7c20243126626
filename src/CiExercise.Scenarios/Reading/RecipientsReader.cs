using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>Reads "to": the word everyone, or { everyone, organizations, sectors, roles }.</summary>
internal static class RecipientsReader
{
    private const string Everyone = "everyone";
    private static readonly string[] Keys = [Everyone, "organizations", "sectors", "roles"];

    public static RecipientsDraft? Read(YamlNode? node, ValueReader values, string what)
    {
        if (node is YamlScalar scalar)
        {
            if (scalar.Value == Everyone)
            {
                return new RecipientsDraft(Recipients.All, scalar.Start, [], []);
            }

            values.Diagnostics.Error(scalar.Start, DiagnosticCodes.InvalidValue,
                $"'to' of {what} is '{scalar.Value}'; write 'everyone' or a mapping with organizations, sectors and/or roles");
            return null;
        }

        var map = values.Mapping(node, $"'to' of {what}", Keys);
        if (map is null)
        {
            return null;
        }

        var everyone = values.Bool(map.Optional(Everyone), $"'everyone' in 'to' of {what}") ?? false;
        var organizations = values.List(map.Optional("organizations"), $"organizations in 'to' of {what}", n => values.Id(n, "organization id"));
        var sectors = values.List(map.Optional("sectors"), $"sectors in 'to' of {what}",
            n => OrganizationReader.ReadSector(values, n, $"'to' of {what}") is { } s ? new SectorBox(s) : null);
        var roles = values.List(map.Optional("roles"), $"roles in 'to' of {what}", n => values.Id(n, "role"));

        if (!everyone && map.Optional("organizations") is null && map.Optional("sectors") is null)
        {
            values.Diagnostics.Error(map.Start, DiagnosticCodes.MissingField,
                $"'to' of {what} names no one; give organizations, sectors or everyone: true (roles only narrows them)");
            return null;
        }

        var recipients = new Recipients(
            everyone,
            organizations.Select(o => o.Id).Distinct().ToArray(),
            sectors.Select(s => s.Sector).Distinct().ToArray(),
            roles.Select(r => r.Id).Distinct().ToArray());
        return new RecipientsDraft(recipients, map.Start, organizations, roles);
    }

    // List<T> works on reference types so that "nothing read" is null; this carries a sector through it.
    private sealed record SectorBox(Sector Sector);
}
