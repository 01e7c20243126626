using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Tests;

/// <summary>
/// The scenario library of issue 9: every file is clean (no finding at all), bilingual throughout, runs the
/// reporting chain, has a cascade and conditions, and asks for at least one report on a form. The forms are
/// modelled on the national DDoS and ransomware report templates, so their fields are checked by id.
/// </summary>
public sealed class LibraryScenarioTests
{
    private static readonly string[] Library =
    [
        "power-grid-cyber-cascade.yaml",
        "msp-supply-chain-compromise.yaml",
        "earthquake-hospital-city-ransomware.yaml",
        "finance-ddos-data-leak.yaml",
        "intro-tabletop.yaml",
    ];

    private static readonly string[] RansomwareFields =
        ["detected-at", "affected-systems", "encrypted", "exfiltration", "ransom-note", "backups", "sla-breached", "severity", "police-notified"];

    private static readonly string[] DdosFields =
        ["attack-start", "target-service", "peak-gbps", "impact", "sla-breached", "mitigation", "severity", "police-notified"];

    public static TheoryData<string> LibraryFiles() => new(Library);

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Validates_without_a_single_finding(string file)
    {
        var result = ScenarioParser.ParseFile(Path.Combine(RepositoryScenarios.Folder, file));

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.True(result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Every_text_is_written_in_japanese_and_english(string file)
    {
        Assert.All(TextsOf(Load(file)), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), $"no English beside '{t.Ja}'");
            Assert.True(t.Ja?.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF') == true, $"no Japanese beside '{t.En}'");
        });
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Runs_the_reporting_chain_from_operators_through_ministries_to_the_national_centre(string file)
    {
        var scenario = Load(file);
        var operators = scenario.Organizations.Where(o => o.Sector <= Sector.Ports && !o.Simulated).ToArray();

        Assert.True(operators.Select(o => o.Sector).Distinct().Count() >= 2, "operators of at least two sectors take part");
        Assert.All(operators, o =>
        {
            var ministry = scenario.FindOrganization(o.ReportsTo ?? "");
            Assert.True(ministry?.Sector == Sector.Ministry, $"{o.Id} reports to a ministry");
            Assert.Equal(Sector.NationalCentre, scenario.FindOrganization(ministry!.ReportsTo ?? "")?.Sector);
        });
        Assert.Contains(scenario.Organizations, o => o.Sector == Sector.Ceptoar);
        Assert.Contains(operators, o => o.Ceptoar is not null);
        Assert.All(scenario.Organizations.Where(o => o.Sector is Sector.Ministry or Sector.NationalCentre), o => Assert.True(o.Simulated, $"{o.Id} is played by the control cell"));
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Has_a_cascade_a_restoring_decision_conditions_and_a_report_form(string file)
    {
        var scenario = Load(file);

        Assert.Contains(scenario.Services, s => s.DependsOn.Count > 0);
        Assert.Contains(scenario.Injects, i => i.Effects.Any(e => e.To == ServiceStatus.Down));
        Assert.Contains(scenario.Injects, i => i.Choices.Any(c => c.Restores.Count > 0));
        Assert.Contains(scenario.Injects, i => Conditions(i.Hold?.When).Any(c => c is { Kind: ConditionKind.Service, State: ServiceStatus.Down }));
        Assert.Contains(scenario.Injects, i => Conditions(i.Hold?.When).Any(c => c.Kind is not ConditionKind.Service));
        Assert.Contains(scenario.Injects, i => i.Form is { Fields.Count: > 0 });
    }

    [Fact]
    public void The_ransomware_forms_follow_the_national_template()
    {
        var forms = new[]
        {
            Load("msp-supply-chain-compromise.yaml").FindInject("c02-city-ransomware")!.Form!,
            Load("earthquake-hospital-city-ransomware.yaml").FindInject("q07-hospital-ransomware")!.Form!,
        };

        Assert.All(forms, form =>
        {
            Assert.Subset(form.Fields.Select(f => f.Id).ToHashSet(), RansomwareFields.ToHashSet());
            Assert.Equal(FieldType.YesNo, form.Fields.Single(f => f.Id == "police-notified").Type);
            Assert.Equal(FieldType.Severity, form.Fields.Single(f => f.Id == "severity").Type);
        });
    }

    [Fact]
    public void The_ddos_form_asks_peak_traffic_and_whether_the_service_level_was_breached()
    {
        var form = Load("finance-ddos-data-leak.yaml").FindInject("d05-fsa-ddos-report")!.Form!;

        Assert.Subset(form.Fields.Select(f => f.Id).ToHashSet(), DdosFields.ToHashSet());
        Assert.Equal(FieldType.YesNo, form.Fields.Single(f => f.Id == "sla-breached").Type);
        Assert.Equal(FieldType.Number, form.Fields.Single(f => f.Id == "peak-gbps").Type);
        Assert.Equal(FieldType.DateTime, form.Fields.Single(f => f.Id == "attack-start").Type);
    }

    [Fact]
    public void Media_pressure_grows_when_an_organization_stays_silent()
    {
        var scenario = Load("finance-ddos-data-leak.yaml");
        var feed = scenario.Injects.Where(i => i.Channel is Channel.News or Channel.SocialMedia).ToArray();

        Assert.All(feed, i => Assert.NotNull(i.Outlet));
        Assert.Contains(feed, i => i.Channel == Channel.SocialMedia && i.Handle is not null);
        Assert.Contains(feed, i => i.Hold?.Unless is { Kind: ConditionKind.Statement });
        Assert.Contains(feed, i => i.Hold?.When is { Kind: ConditionKind.NotAcknowledged });
        Assert.Contains(feed, i => i.Hold?.When is { Kind: ConditionKind.Statement });
    }

    [Fact]
    public void The_supply_chain_vendor_is_played_by_the_control_cell()
    {
        var vendor = Load("msp-supply-chain-compromise.yaml").FindOrganization("nexus-it")!;

        Assert.Equal((Sector.Vendor, true), (vendor.Sector, vendor.Simulated));
    }

    [Fact]
    public void The_introduction_takes_twenty_minutes_with_few_organizations()
    {
        var scenario = Load("intro-tabletop.yaml");

        Assert.Equal(TimeSpan.FromMinutes(20), scenario.PlannedDuration);
        Assert.True(scenario.Organizations.Count(o => !o.Simulated) <= 3);
        Assert.All(scenario.Injects, i => Assert.True(i.At <= TimeSpan.FromMinutes(20)));
    }

    [Fact]
    public void The_sample_exercise_still_comes_from_the_cloud_scenario()
    {
        // Without Samples:ScenarioId the server makes its sample exercise from the first scenario loaded (ordinal
        // file name order), and the README's walkthrough plays that one.
        Assert.Equal("cloud-ransomware-cascade", ScenarioLibrary.Load(RepositoryScenarios.Folder).Scenarios[0].Id);
    }

    private static Scenario Load(string file) => ScenarioParser.ParseFile(Path.Combine(RepositoryScenarios.Folder, file)).Scenario!;

    private static IEnumerable<Condition> Conditions(Condition? condition) =>
        condition is null ? [] : condition.Of.SelectMany(Conditions).Prepend(condition);

    private static IEnumerable<LocalizedText> TextsOf(Scenario s) =>
        new[] { s.Title, s.Summary }
            .Concat(s.Phases.Select(p => p.Name))
            .Concat(s.Organizations.Select(o => o.Name))
            .Concat(s.Objectives.SelectMany(o => o.Tasks.Select(t => t.Text).Prepend(o.Text)))
            .Concat(s.Services.Select(v => v.Name))
            .Concat(s.Review.HotWash.Select(q => q.Text))
            .Concat(s.Injects.SelectMany(i => new[] { i.From, i.Title, i.Body, i.ExpectedAction, i.Outlet, i.Form?.Title }
                .Concat(i.Choices.Select(c => c.Text))
                .Concat(i.Form?.Fields.SelectMany(f => f.Options.Select(o => o.Text).Append(f.Label).Append(f.Help)) ?? [])
                .OfType<LocalizedText>()));
}
