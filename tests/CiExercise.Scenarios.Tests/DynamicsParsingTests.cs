using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Tests;

/// <summary>The keys of scenario dynamics read into the contract (the test scenario Scenarios/dynamics.yaml uses each).</summary>
public sealed class DynamicsParsingTests
{
    private static readonly Scenario Scenario = ParseDynamics();

    [Fact]
    public void The_test_scenario_is_valid()
    {
        var result = ScenarioParser.ParseFile(RepositoryScenarios.DynamicsPath);

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.True(result.Scenario!.HasDynamics);
    }

    [Fact]
    public void Services_are_read_with_their_dependencies_and_recovery_times()
    {
        Assert.Equal(["cloud-x", "kansai-grid", "osaka-pumps"], Scenario.Services.Select(s => s.Id));
        var grid = Scenario.FindService("kansai-grid")!;
        Assert.Equal(("kansai-power", TimeSpan.FromHours(2)), (grid.OrganizationId, grid.RecoveryTime));
        Assert.Equal(new ServiceDependency("cloud-x", TimeSpan.FromMinutes(30)), Assert.Single(grid.DependsOn));
        Assert.Equal(TimeSpan.FromHours(1), Scenario.FindService("cloud-x")!.RecoveryTime);
        Assert.Equal(TimeSpan.Zero, Scenario.FindService("osaka-pumps")!.DependsOn[1].Tolerance);
        Assert.Equal("Kansai transmission grid", grid.Name.En);
    }

    [Fact]
    public void A_hold_reads_its_condition_tree_delay_deadline_and_unless()
    {
        var hold = Scenario.FindInject("inj-3")!.Hold!;

        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromHours(4)), (hold.Delay, hold.Deadline));
        Assert.Equal(ConditionKind.AllOf, hold.When!.Kind);
        var decision = hold.When.Of[0];
        Assert.Equal((ConditionKind.Decision, "inj-1", "isolate", "kansai-power"),
            (decision.Kind, decision.InjectId, decision.ChoiceId, decision.By.OrganizationId));
        var anyOf = hold.When.Of[1];
        Assert.Equal(ConditionKind.AnyOf, anyOf.Kind);
        var notAcknowledged = anyOf.Of[0];
        Assert.Equal((ConditionKind.NotAcknowledged, "inj-2", Sector.Water, TimeSpan.FromHours(2)),
            (notAcknowledged.Kind, notAcknowledged.InjectId, notAcknowledged.By.Sector, notAcknowledged.At));
        var message = anyOf.Of[1];
        Assert.Equal((ConditionKind.Message, "meti", "kansai-power", "inj-1"), (message.Kind, message.To, message.By.OrganizationId, message.InjectId));
        Assert.Equal((ConditionKind.Statement, "kansai-power"), (hold.Unless!.Kind, hold.Unless.By.OrganizationId));
    }

    [Fact]
    public void Every_leaf_kind_reads_with_its_fields_and_scopes()
    {
        var when = Scenario.FindInject("inj-5")!.Hold!.When!;

        Assert.Equal(
            [ConditionKind.Delivered, ConditionKind.Severity, ConditionKind.Report, ConditionKind.Service, ConditionKind.Statement],
            when.Of.Select(c => c.Kind));
        Assert.Equal("inj-3", when.Of[0].InjectId);
        Assert.Equal((2, 0.5, (Sector?)null), (when.Of[1].AtLeast, when.Of[1].By.Share, when.Of[1].By.Sector));
        Assert.Equal(new ConditionScope(null, Sector.ElectricPower, 1), when.Of[2].By);
        Assert.Equal(("kansai-grid", ServiceStatus.Up), (when.Of[3].ServiceId, when.Of[3].State));
        Assert.Equal(ConditionScope.Anyone, when.Of[4].By);
        Assert.Equal(TimeSpan.Zero, Scenario.FindInject("inj-5")!.Hold!.Delay);
    }

    [Fact]
    public void A_held_inject_without_at_waits_from_the_start()
    {
        var inject = Scenario.FindInject("inj-4")!;

        Assert.Equal(TimeSpan.Zero, inject.At);
        var when = inject.Hold!.When!;
        Assert.Equal((ConditionKind.Service, "osaka-pumps", ServiceStatus.Down), (when.Kind, when.ServiceId, when.State));
        Assert.Equal(TimeSpan.FromHours(5), inject.Hold.Deadline);
    }

    [Fact]
    public void Effects_restores_and_the_feed_keys_are_read()
    {
        var inject = Scenario.FindInject("inj-1")!;
        var social = Scenario.FindInject("inj-3")!;

        Assert.Equal(new ServiceEffect("cloud-x", ServiceStatus.Down), Assert.Single(inject.Effects));
        Assert.Equal(["cloud-x", "kansai-grid"], inject.Choices[1].Restores);
        Assert.Empty(inject.Choices[0].Restores);
        Assert.Equal(("Chirper", "@kobe_resident"), (social.Outlet!.En, social.Handle));
        Assert.Equal("毎朝新聞", Scenario.FindInject("inj-2")!.Outlet!.Ja);
    }

    [Fact]
    public void A_form_reads_every_field_type_with_its_own_keys()
    {
        var form = Scenario.FindInject("inj-1")!.Form!;

        Assert.Equal("Incident report", form.Title.En);
        Assert.Equal(Enum.GetValues<FieldType>().Order(), form.Fields.Select(f => f.Type).Order());
        Assert.Equal(["ddos", "ransomware"], form.Fields[0].Options.Select(o => o.Id));
        Assert.True(form.Fields[0].Required);
        Assert.False(form.Fields[2].Required);
        Assert.Equal((0m, 100_000_000m), (form.Fields[4].Min, form.Fields[4].Max));
        Assert.Equal(2000, form.Fields[5].MaxLength);
        Assert.Equal("Write what is known.", form.Fields[5].Help!.En);
    }

    private static Scenario ParseDynamics()
    {
        var result = ScenarioParser.ParseFile(RepositoryScenarios.DynamicsPath);
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
