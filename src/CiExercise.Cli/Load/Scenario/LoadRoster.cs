namespace CiExercise.Cli.Load.Scenario;

/// <summary>One console to connect: a participant of an organization in a role, and the body it reports to.</summary>
public sealed record Seat(int Index, string OrganizationId, string Role, string Name, string? ReportsTo);

/// <summary>
/// The participants of a generated scenario: M per organization, their roles taken in turn from the
/// scenario's roles, so that role-targeted injects reach some consoles and not others.
/// </summary>
public static class LoadRoster
{
    public static IReadOnlyList<Seat> Of(CiExercise.Contracts.Scenarios.Scenario scenario, int participants)
    {
        var seats = new List<Seat>(scenario.Organizations.Count * participants);
        foreach (var organization in scenario.Organizations)
        {
            for (var k = 0; k < participants; k++)
            {
                var role = organization.Roles[k % organization.Roles.Count];
                seats.Add(new Seat(seats.Count, organization.Id, role, $"{organization.Id} {role} {k + 1}", organization.ReportsTo));
            }
        }
        return seats;
    }
}
