using System.Net;
using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;
using CiExercise.Storage.JoinLinks;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database form one cluster: each reports the other, a token from one works on the other,
/// the first controller link is issued once, a console on one node gets what the other commits, in order, and a
/// revocation on one node closes the connection on the other.
/// </summary>
public sealed class ClusterTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public async Task Each_node_reports_both_silos_active_and_itself()
    {
        var nodes = cluster.Require();

        var views = new[] { await nodes.ViewAsync(0), await nodes.ViewAsync(1) };

        Assert.All(views, v => Assert.True(v.Clustered));
        Assert.Equal(views[0].ClusterId, views[1].ClusterId);
        Assert.All(views, v => Assert.Equal(2, v.Silos.Count(s => s.Status == "Active")));
        Assert.NotEqual(views[0].ThisSilo.SiloPort, views[1].ThisSilo.SiloPort);
        Assert.All(views, v => Assert.Contains(v.Silos, s => s.SiloPort == v.ThisSilo.SiloPort && s.Generation == v.ThisSilo.Generation));
    }

    [Fact]
    public async Task Both_nodes_name_the_same_silo_for_an_exercise()
    {
        var nodes = cluster.Require();
        var id = (await (await nodes.ControllerAsync(0)).CreateExerciseAsync()).Id;

        var hosts = new[] { (await nodes.ViewAsync(0, id)).Exercise!, (await nodes.ViewAsync(1, id)).Exercise! };

        Assert.All(hosts, h => Assert.Equal(id, h.ExerciseId));
        Assert.Equal(hosts[0].Silo.SiloPort, hosts[1].Silo.SiloPort);
        Assert.Contains((await nodes.ViewAsync(1)).Silos, s => s.SiloPort == hosts[0].Silo.SiloPort && s.Status == "Active");
    }

    [Fact]
    public async Task The_first_controller_link_is_issued_once_for_the_cluster()
    {
        var nodes = cluster.Require();

        var stored = await nodes.Nodes[0].Services.GetRequiredService<IJoinLinkStore>()
            .FindByKeyAsync(FirstControllerLink.Key.RequestKey, TestContext.Current.CancellationToken);

        Assert.NotNull(stored);
        Assert.Single(stored.Links);
        Assert.Single(nodes.Nodes, n => n.ConsoleText.Contains("first controller's sign-in link", StringComparison.Ordinal));
        Assert.Single(nodes.Nodes, n => File.Exists(FirstControllerLink.PathIn(n.DataDirectory)));
    }

    [Fact]
    public async Task A_token_signed_by_one_node_is_good_on_the_other()
    {
        var nodes = cluster.Require();
        var issued = await nodes.Nodes[0].Services.GetRequiredService<JoinLinkService>()
            .IssueAsync(TestPrincipals.Observer("any-exercise"), TimeSpan.FromHours(1), "tests", TestContext.Current.CancellationToken);

        var me = await nodes.Nodes[1].Client(issued.Token).GetAsync<PrincipalView>("/api/auth/me");

        Assert.Equal(PrincipalKind.Observer, me.Kind);
        Assert.Equal("any-exercise", me.ExerciseId);
    }

    [Fact]
    public async Task A_console_on_the_other_node_gets_every_commit_of_the_host_in_seq_order()
    {
        var nodes = cluster.Require();
        var api = await nodes.ControllerAsync(0);
        var id = (await api.CreateExerciseAsync()).Id;
        var host = await nodes.HostOfAsync(id);
        var other = nodes.Hub(1 - host);
        var staff = await other.SubscribeAsync((await other.IssueAsync(PrincipalKind.Controller, id)).Token, id);
        var bank = await other.SubscribeAsync((await other.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token, id);

        // Commands through the host node: its grain appends, its feed hears the commits; the other node reads them from the log.
        var exercise = nodes.Hub(host).Exercise(id);
        await exercise.Start(HubHarness.Control);
        await exercise.JumpToNextInject(HubHarness.Control);
        await exercise.Halt(HubHarness.Control, "real incident");
        await exercise.LiftHalt(HubHarness.Control);
        var last = await api.LastSeqAsync(id);

        var seen = await staff.Events.WaitForAsync(e => e.Any(x => x.Seq == last), "the last commit reaches the other node's console");
        var log = await api.EventsAsync(id);
        Assert.Equal(log.Select(e => e.Seq), seen.Select(e => e.Seq));
        var bankSeen = await bank.Events.WaitForAsync(e => e.Any(x => x.Kind == EventKind.RealWorldHaltLifted), "the lift reaches the bank");
        Assert.Equal(bankSeen.Select(e => e.Seq).Order(), bankSeen.Select(e => e.Seq).Distinct());
        Assert.Equal(["i1-alert", "i2-outage"], bankSeen.Where(e => e.Kind == EventKind.InjectDelivered).Select(e => e.InjectId));
    }

    [Fact]
    public async Task Revoking_a_link_on_one_node_closes_its_connection_on_the_other()
    {
        var nodes = cluster.Require();
        var id = (await (await nodes.ControllerAsync(0)).CreateExerciseAsync()).Id;
        var other = nodes.Hub(1);
        var link = await other.IssueAsync(PrincipalKind.Participant, id, "bank", "staff");
        await using var console = await other.ConnectAsync(link.Token);
        await console.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);

        var closed = StateWatcher.WaitForAsync(console, ExerciseConnectionState.Closed);
        await nodes.Nodes[0].Services.GetRequiredService<JoinLinkService>().RevokeAsync(link.Link.Id, TestContext.Current.CancellationToken);
        await closed;

        Assert.Equal(ClosingReasons.TokenRevoked, console.ClosingReason);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => other.ConnectAsync(link.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
