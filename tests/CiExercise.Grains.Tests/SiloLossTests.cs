using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using Orleans.Runtime;

namespace CiExercise.Grains.Tests;

/// <summary>Killing the node that hosts the timeline mid-run loses no inject and duplicates none.</summary>
public sealed class SiloLossTests
{
    [Fact]
    public async Task Killing_the_silo_hosting_the_exercise_mid_run_loses_and_duplicates_nothing()
    {
        await using var engine = await EngineCluster.StartAsync(2);
        var control = Actor.Controller("director");
        var scenario = TestScenario.Create(24, TimeSpan.FromMinutes(1));
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Silo loss", scenario, control);
        await grain.SetSpeed(control, 240); // an inject every quarter second, six seconds in all
        await grain.Start(control);
        await Eventually.Until(grain.GetView, v => v.Injects.Count(i => i.Status == InjectStatus.Fired) >= 4, "a few injects");

        Assert.True(engine.Cluster.TryGetGrainContext(grain.GetGrainId(), out var activation), "the exercise grain is active");
        var host = activation!.Address.SiloAddress;
        var victim = engine.Cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        await engine.Cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);
        await engine.Cluster.WaitForLivenessToStabilizeAsync();
        Assert.DoesNotContain(engine.Cluster.Silos, s => s.SiloAddress.Equals(host));

        var view = await Eventually.Until(grain.GetView, v => v.Injects.All(i => i.Status == InjectStatus.Fired),
            "every inject after the silo loss", TimeSpan.FromSeconds(90));
        var events = await engine.ReadAllAsync(id);
        LogAssertions.GapFree(events);
        LogAssertions.DeliveredExactlyToRecipients(scenario, events, scenario.Injects.Select(i => i.Id));
        Assert.Equal(scenario.Injects.Count, events.Count(e => e.Kind == EventKind.InjectFired));
        Assert.Equal(scenario.Injects.Count, view.Injects.Count);
    }
}
