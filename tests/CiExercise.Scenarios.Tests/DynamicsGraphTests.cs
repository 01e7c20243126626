namespace CiExercise.Scenarios.Tests;

/// <summary>Loops and branches that can never fire, found from the script alone (DynamicsText's scenario).</summary>
public sealed class DynamicsGraphTests
{
    [Fact]
    public void Held_injects_waiting_on_each_others_delivery_are_one_loop_reported_once()
    {
        var source = DynamicsText.With((35, "    when: { delivered: i3 }"), (43, "    when: { decision: { inject: i2 } }"), (44, null));

        var result = ScenarioText.Parse(source);

        var loop = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal($"t.yaml:35:{DynamicsText.ColumnOf(source, 35, "i3")}: error CIEX064: held injects wait on each other, so none of them fires: i2 -> i3 -> i2",
            loop.ToString());
    }

    [Fact]
    public void A_loop_through_a_service_state_only_the_other_inject_brings_about_is_found()
    {
        var source = DynamicsText.With((26, "    incident: true"), (43, "    when: { delivered: i2 }"), (44, "    effects: [{ service: pumps, to: down }]"));

        var result = ScenarioText.Parse(source);

        var loop = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("CIEX064", 35, DynamicsText.ColumnOf(source, 35, "pumps")), (loop.Code, loop.Line, loop.Column));
        Assert.EndsWith("i2 -> service pumps down -> i3 -> i2", loop.Message);
    }

    [Fact]
    public void A_held_inject_on_itself_is_a_loop()
    {
        var result = ScenarioText.Parse(DynamicsText.With((43, "    when: { delivered: i3 }")));

        Assert.Contains(result.Diagnostics, d => d is { Code: "CIEX064", Line: 43 } && d.Message.EndsWith("i3 -> i3"));
    }

    [Fact]
    public void A_loop_with_another_way_out_through_any_of_is_not_an_error()
    {
        var source = DynamicsText.With((35, "    when: { any-of: [{ delivered: i3 }, { service: { id: pumps, state: down } }] }"),
            (43, "    when: { delivered: i2 }"), (44, "    deadline: \"+01:10\""));

        var result = ScenarioText.Parse(source);

        // i2 fires once the pumps fail (i1 at +00:10, the grid's tolerance 01:00), so i3's deadline +01:10 is just reachable.
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_earliest_time_follows_cascades_and_tolerances()
    {
        // The pumps fail at +01:10 at the earliest (i1 at +00:10, then the grid's 01:00 of tolerance), so i2 cannot fire before.
        var source = DynamicsText.With((43, "    when: { not-acknowledged: { inject: i2, at: \"+01:09\" } }"), (44, null));

        var result = ScenarioText.Parse(source);

        var early = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CIEX067", early.Code);
        Assert.Contains("+01:10 at the earliest", early.Message);
        Assert.True(ScenarioText.Parse(DynamicsText.With((43, "    when: { not-acknowledged: { inject: i2, at: \"+01:10\" } }"), (44, null))).Succeeded);
    }

    [Fact]
    public void A_condition_on_an_inject_that_never_fires_is_reported_where_it_waits()
    {
        var source = DynamicsText.With((35, "    when: { service: { id: grid, state: degraded } }"), (43, "    when: { delivered: i2 }"), (44, null));

        var result = ScenarioText.Parse(source);

        Assert.Equal(["CIEX068", "CIEX069"], result.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.Contains(result.Diagnostics, d => d is { Code: "CIEX069", Line: 43 } && d.Column == DynamicsText.ColumnOf(source, 43, "i2"));
    }

    [Fact]
    public void An_unless_branch_that_can_never_hold_is_reported_too()
    {
        var result = ScenarioText.Parse(DynamicsText.With((44, "    unless: { service: { id: grid, state: degraded } }")));

        Assert.Contains(result.Diagnostics, d => d is { Code: "CIEX068", Line: 44 });
    }
}
