using System.Text.Json;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

/// <summary>Members learn who plays and what is evaluated, never what is coming.</summary>
public sealed class DirectoryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_participant_reads_the_organizations_and_objectives_but_no_inject()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var participant = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));

        var directory = await participant.GetAsync<JsonElement>($"/api/exercises/{id}/directory");

        Assert.Equal(id, directory.GetProperty("exerciseId").GetString());
        var organizations = directory.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToArray();
        Assert.Contains("bank", organizations);
        Assert.Contains("power", organizations);
        Assert.True(directory.TryGetProperty("objectives", out _));
        Assert.False(directory.TryGetProperty("injects", out _));
    }
}
