using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Tests;

public sealed class SampleScenarioTests
{
    private static readonly Sector[] InfrastructureSectors = Enum.GetValues<Sector>().Where(s => s <= Sector.Ports).ToArray();

    public static TheoryData<string> ScenarioFiles() =>
        new(Directory.EnumerateFiles(RepositoryScenarios.Folder).Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_scenario_in_the_repository_validates_without_errors(string file)
    {
        var result = ScenarioParser.ParseFile(Path.Combine(RepositoryScenarios.Folder, file));

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_repository_library_loads_every_scenario()
    {
        var library = ScenarioLibrary.Load(RepositoryScenarios.Folder);

        Assert.False(library.HasErrors, string.Join("\n", library.Diagnostics));
        Assert.NotNull(library.Find("cloud-ransomware-cascade"));
    }

    [Fact]
    public void The_sample_meets_the_size_rules()
    {
        var scenario = Sample();

        var players = scenario.Organizations.Where(o => InfrastructureSectors.Contains(o.Sector)).ToArray();
        Assert.True(players.Length >= 6, $"{players.Length} infrastructure organizations");
        Assert.True(players.Select(o => o.Sector).Distinct().Count() >= 4);
        Assert.Contains(scenario.Organizations, o => o.Sector == Sector.Ministry);
        Assert.Contains(scenario.Organizations, o => o.Sector == Sector.NationalCentre);
        Assert.True(scenario.Injects.Count >= 20);
        Assert.True(scenario.Phases.Count >= 3);
        Assert.True(scenario.Objectives.Count >= 4);
        Assert.True(scenario.Injects.Select(i => i.Channel).Distinct().Count() == Enum.GetValues<Channel>().Length);
        Assert.Contains(scenario.Injects, i => i.Choices.Count >= 2 && i.ResponseWindow is not null);
        Assert.All(scenario.Injects, i => Assert.InRange(i.At, TimeSpan.Zero, scenario.PlannedDuration!.Value));
    }

    [Fact]
    public void The_sample_has_japanese_and_english_text_side_by_side()
    {
        var scenario = Sample();
        var texts = scenario.Injects.SelectMany(i => new[] { i.Title, i.Body, i.From })
            .Concat(scenario.Organizations.Select(o => o.Name))
            .Append(scenario.Title)
            .Append(scenario.Summary);

        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En));
            Assert.Contains(t.Ja!, c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');
        });
    }

    [Fact]
    public void Recipients_resolve_to_sectors_roles_and_everyone()
    {
        var scenario = Sample();

        var sector = scenario.ResolveRecipients(scenario.FindInject("i06-ceptoar-ioc")!.Recipients);
        Assert.Equal(["hoshizora-cloud"], sector.Select(t => t.OrganizationId));

        var executives = scenario.ResolveRecipients(scenario.FindInject("i25-executive-call")!.Recipients);
        Assert.Equal(["hoshizora-cloud", "toto-bank", "chuo-power", "wangan-water", "rinkai-railway", "wangan-hospital"],
            executives.Select(t => t.OrganizationId));
        Assert.All(executives, t => Assert.Equal(["executive"], t.Roles));

        var everyone = scenario.ResolveRecipients(scenario.FindInject("i09-nccc-alert")!.Recipients);
        Assert.Equal(scenario.Organizations.Count, everyone.Count);
    }

    [Fact]
    public void A_story_date_time_in_the_sample_becomes_an_offset()
    {
        Assert.Equal(new TimeSpan(3, 40, 0), Sample().FindInject("i25-executive-call")!.At);
    }

    [Fact]
    public void The_sample_gives_the_review_what_it_measures()
    {
        var scenario = Sample();

        Assert.All(scenario.Objectives, o => Assert.True(o.Tasks.Count >= 2, $"objective '{o.Id}' has too few critical tasks"));
        Assert.True(scenario.Injects.Count(i => i.Incident) >= 3);
        Assert.Contains(scenario.Injects, i => i.Escalation);
        Assert.Contains(scenario.Injects, i => i.Severity is { Expected: not null });
        Assert.Equal("ict-ceptoar", scenario.FindOrganization("hoshizora-cloud")!.Ceptoar);
        Assert.Equal(Sector.Ceptoar, scenario.FindOrganization("ict-ceptoar")!.Sector);
        Assert.NotEqual(HotWashQuestion.Defaults.Select(q => q.Id), scenario.Review.HotWash.Select(q => q.Id));
        Assert.All(scenario.Review.EscalationRoles, r => Assert.Contains(scenario.Organizations, o => o.Roles.Contains(r)));
    }

    private static Scenario Sample() => ScenarioParser.ParseFile(RepositoryScenarios.SamplePath).Scenario!;
}
