using CiExercise.Server.Identity;
using CiExercise.Server.Realtime.Presence;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>The per-node counters: consoles and distinct names per organization, staff by kind, and what changed since when.</summary>
public sealed class NodePresenceTests
{
    private static ExercisePrincipal Participant(string exercise, string org, string name) => new(PrincipalKind.Participant, exercise, org, "staff", name, null);

    [Fact]
    public async Task Counts_follow_connects_and_disconnects_and_only_changed_exercises_are_reported()
    {
        var presence = new NodePresence();
        var (_, start) = presence.ChangedSince(0);
        presence.Connected(Participant("a", "bank", "Sato"));
        presence.Connected(Participant("a", "bank", "Sato")); // a second tab
        presence.Connected(Participant("a", "bank", "Ito"));
        presence.Connected(new ExercisePrincipal(PrincipalKind.Observer, "a", null, null, "Kato", null));
        presence.Connected(new ExercisePrincipal(PrincipalKind.Controller, null, null, null, "Root", null)); // of every exercise: not counted

        var (changed, version) = presence.ChangedSince(start);
        Assert.Equal(["a"], changed);
        var counts = await presence.ReadAsync("a", TestContext.Current.CancellationToken);
        Assert.Equal(3, counts.Organizations["bank"].Connections);
        Assert.Equal(["Ito", "Sato"], counts.Organizations["bank"].Names);
        Assert.Equal((0, 0, 1), (counts.Controllers, counts.Evaluators, counts.Observers));
        Assert.Empty(presence.ChangedSince(version).Exercises);

        presence.Connected(Participant("b", "power", "Mori"));
        presence.Disconnected(Participant("a", "bank", "Sato"));
        presence.Disconnected(Participant("a", "bank", "Ito"));
        Assert.Equal(["a", "b"], presence.ChangedSince(version).Exercises.Order());
        counts = await presence.ReadAsync("a", TestContext.Current.CancellationToken);
        Assert.Equal(1, counts.Organizations["bank"].Connections);
        Assert.Equal(["Sato"], counts.Organizations["bank"].Names);
        presence.Disconnected(Participant("a", "bank", "Sato"));
        Assert.False((await presence.ReadAsync("a", TestContext.Current.CancellationToken)).Organizations.ContainsKey("bank"));
        Assert.Empty((await presence.ReadAsync("none", TestContext.Current.CancellationToken)).Organizations);
    }
}
