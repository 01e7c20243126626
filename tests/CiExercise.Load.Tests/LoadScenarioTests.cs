using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Load.Tests;

public sealed class LoadScenarioTests
{
    [Fact]
    public void The_national_scenario_has_every_sector_their_ministries_ceptoars_and_the_centre()
    {
        var (_, scenario) = LoadScenarioWriter.Generate(new LoadOptions { Organizations = 850 });

        Assert.Equal(850, scenario.Organizations.Count);
        var bySector = scenario.Organizations.GroupBy(o => o.Sector).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, bySector[Sector.NationalCentre]);
        Assert.Equal(6, bySector[Sector.Ministry]);
        Assert.Equal(15, bySector[Sector.Ceptoar]);
        Assert.All(LoadSectors.All, s => Assert.True(bySector[s] >= 55, $"{s} has {bySector[s]} operators"));
        // Every operator reports to the ministry of its sector, every ministry to the centre.
        Assert.All(scenario.Organizations.Where(o => LoadSectors.All.Contains(o.Sector)), o => Assert.Equal(LoadSectors.MinistryOf(o.Sector), o.ReportsTo));
        Assert.All(scenario.Organizations.Where(o => o.Sector == Sector.Ministry), o => Assert.Equal("ncc", o.ReportsTo));
    }

    [Fact]
    public void Startex_goes_to_everyone_at_zero_and_the_other_injects_mix_choices_windows_and_roles()
    {
        var (_, scenario) = LoadScenarioWriter.Generate(new LoadOptions { Organizations = 850, Injects = 24, Duration = TimeSpan.FromSeconds(60), Speed = 240 });

        var startex = scenario.Injects[0];
        Assert.Equal((LoadInjects.Startex, TimeSpan.Zero, true), (startex.Id, startex.At, startex.Recipients.Everyone));
        var others = scenario.Injects.Skip(1).ToArray();
        Assert.Equal(24, others.Length);
        Assert.All(others, i => Assert.InRange(i.At, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(240)));
        Assert.Contains(others, i => i.Choices.Count > 0 && i.ResponseWindow is not null);
        Assert.Contains(others, i => i.Recipients.Roles.Count > 0);
        Assert.Contains(others, i => i.Recipients.Organizations.Count > 0);
        Assert.All(others, i => Assert.NotEmpty(scenario.ResolveRecipients(i.Recipients)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(2000)]
    public void Every_size_the_options_allow_makes_a_valid_scenario(int organizations)
    {
        var (_, scenario) = LoadScenarioWriter.Generate(new LoadOptions { Organizations = organizations, Injects = 500 });

        Assert.Equal(organizations, scenario.Organizations.Count);
        Assert.Equal(501, scenario.Injects.Count);
    }

    [Fact]
    public void Each_organization_gets_its_participants_with_the_scenario_roles_in_turn()
    {
        var (_, scenario) = LoadScenarioWriter.Generate(new LoadOptions { Organizations = 10 });

        var seats = LoadRoster.Of(scenario, 8);

        Assert.Equal(80, seats.Count);
        Assert.Equal(Enumerable.Range(0, 80), seats.Select(s => s.Index));
        var first = seats.Where(s => s.OrganizationId == scenario.Organizations[0].Id).Select(s => s.Role);
        Assert.Equal(["executive", "ciso", "manager", "staff", "public-relations", "executive", "ciso", "manager"], first);
    }
}
