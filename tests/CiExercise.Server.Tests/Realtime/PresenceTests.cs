using CiExercise.Contracts.Presence;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// Presence: the staff see who is connected per organization and sector, by the endpoint and by the push that
/// follows each change (at most once a second); consoles that close disappear from it.
/// </summary>
public sealed class PresenceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Staff_see_consoles_per_organization_and_sector_by_endpoint_and_by_push()
    {
        var hub = new HubHarness(server.Factory);
        var id = await hub.CreateExerciseAsync();
        await using var control = await hub.ConnectAsync((await hub.IssueAsync(PrincipalKind.Controller, id)).Token);
        var pushes = new PushCollector(control);
        await control.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);

        var sato = await hub.ConnectAsync((await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token);
        await using var ito = await hub.ConnectAsync((await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "manager")).Token);
        await using var kato = await hub.ConnectAsync((await hub.IssueAsync(PrincipalKind.Participant, id, "power", "staff")).Token);

        var pushed = await pushes.WaitForAsync(p => Connections(p, "bank") == 2 && Connections(p, "power") == 1, "bank 2 and power 1 pushed");
        Assert.Equal(["Participant-bank-manager", "Participant-bank-staff"], pushed.Organizations.Single(o => o.OrganizationId == "bank").Names);
        var viaHttp = await (await server.Factory.SignInAsync(TestPrincipals.Observer(id))).GetAsync<PresenceView>($"/api/exercises/{id}/presence");
        Assert.Equal((2, 1, 0, 0), (Connections(viaHttp, "bank"), Connections(viaHttp, "power"), Connections(viaHttp, "water"), Connections(viaHttp, "ministry")));
        Assert.Equal(1, viaHttp.Controllers);
        var finance = viaHttp.Sectors.Single(s => s.Sector == Sector.Finance);
        Assert.Equal((1, 1, 2), (finance.Organizations, finance.Connected, finance.Connections));
        Assert.Equal(0, viaHttp.Sectors.Single(s => s.Sector == Sector.Water).Connected);
        var viaHub = await control.GetPresence(id);
        Assert.Equal(ScenarioJson.Serialize(viaHttp with { At = default }), ScenarioJson.Serialize(viaHub with { At = default }));

        await sato.DisposeAsync();
        await pushes.WaitForAsync(p => Connections(p, "bank") == 1, "the closed console to leave");
    }

    private static int Connections(PresenceView view, string org) => view.Organizations.Single(o => o.OrganizationId == org).Connections;

    /// <summary>Presence snapshots a staff connection was pushed, with a wait for one that satisfies a condition.</summary>
    private sealed class PushCollector
    {
        private readonly Lock _gate = new();
        private readonly List<(Func<PresenceView, bool> Condition, TaskCompletionSource<PresenceView> Done)> _waiting = [];
        private PresenceView? _last;

        public PushCollector(CiExercise.Client.ExerciseConnection connection) => connection.PresenceChanged += view =>
        {
            lock (_gate)
            {
                _last = view;
                foreach (var w in _waiting.Where(w => w.Condition(view)).ToArray())
                {
                    w.Done.TrySetResult(view);
                    _waiting.Remove(w);
                }
            }
        };

        public async Task<PresenceView> WaitForAsync(Func<PresenceView, bool> condition, string what)
        {
            var done = new TaskCompletionSource<PresenceView>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_last is { } last && condition(last)) return last;
                _waiting.Add((condition, done));
            }
            try
            {
                return await done.Task.WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }
}
