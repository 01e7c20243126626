using System.Net;
using CiExercise.Contracts.Cluster;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>GET /api/cluster on the embedded single node: itself alone, the exercise's grain on it, and the usual refusals.</summary>
public sealed class SingleNodeClusterViewTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_single_node_lists_itself_and_hosts_every_exercise()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;

        var view = await server.Api.GetAsync<ClusterView>($"/api/cluster?exercise={id}");

        Assert.False(view.Clustered);
        var silo = Assert.Single(view.Silos);
        Assert.Equal("Active", silo.Status);
        Assert.Equal((silo.SiloPort, silo.Generation), (view.ThisSilo.SiloPort, view.ThisSilo.Generation));
        Assert.Equal(id, view.Exercise!.ExerciseId);
        Assert.Equal(silo.SiloPort, view.Exercise.Silo.SiloPort);
    }

    [Fact]
    public async Task An_unknown_exercise_is_not_found_and_another_exercise_is_forbidden()
    {
        var a = (await server.Api.CreateExerciseAsync()).Id;
        var b = (await server.Api.CreateExerciseAsync()).Id;
        var controllerOfB = await server.Factory.SignInAsync(TestPrincipals.Controller(b));

        var unknown = await ProblemAssert.ReadAsync(await server.Api.Http.GetAsync("/api/cluster?exercise=no-such-exercise", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);
        var other = await ProblemAssert.ReadAsync(await controllerOfB.Http.GetAsync($"/api/cluster?exercise={a}", TestContext.Current.CancellationToken),
            HttpStatusCode.Forbidden);
        var own = await controllerOfB.GetAsync<ClusterView>($"/api/cluster?exercise={b}");

        Assert.Equal("exercise.not-found", unknown.Code);
        Assert.Equal("auth.forbidden", other.Code);
        Assert.Equal(b, own.Exercise!.ExerciseId);
    }
}
