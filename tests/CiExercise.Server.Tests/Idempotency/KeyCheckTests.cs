using System.Net;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Idempotency;
using CiExercise.Server.Requests;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Idempotency;

/// <summary>The key's bounds over HTTP: header or body, refused with the field and the limit before anything is stored.</summary>
public sealed class KeyCheckTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<(string Id, ApiClient Participant)> StartedAsync()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        await server.Api.CommandAsync(id, "start");
        return (id, await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff", "Sato")));
    }

    [Fact]
    public async Task A_client_action_id_of_most_of_a_megabyte_is_refused_and_nothing_is_stored()
    {
        var (id, sato) = await StartedAsync();
        var before = (await server.Api.EventsAsync(id)).Count;

        using var response = await sato.PostAsync($"/api/exercises/{id}/organizations/bank/decisions",
            new { injectId = "i1-alert", text = "Block the address range", clientActionId = new string('k', 900 * 1024) });
        // (A body past 1 MiB is refused whole, with 413, before the key is read: see FieldBoundTests.)

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((ClientActionId.InvalidCode, "clientActionId"), (problem.Code, Assert.Single(problem.Fields)));
        Assert.Contains("100", problem.Detail, StringComparison.Ordinal);
        Assert.True(problem.Detail!.Length < 1000, "the refusal does not echo the key back");
        Assert.Equal(before, (await server.Api.EventsAsync(id)).Count);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("with space")]
    [InlineData("a/b")]
    public async Task A_header_key_outside_the_format_is_refused_and_nothing_is_done(string prefix)
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var key = prefix == "k" ? new string('k', 101) : prefix;

        using var response = await server.Api.PostAsync($"/api/exercises/{id}/start", null, key);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((ClientActionId.InvalidCode, IdempotencyKeys.Header), (problem.Code, Assert.Single(problem.Fields)));
        Assert.DoesNotContain(await server.Api.EventsAsync(id), e => e.Kind == EventKind.ExerciseStarted);
    }

    [Fact]
    public async Task A_header_and_a_body_that_name_different_keys_are_refused()
    {
        var (id, sato) = await StartedAsync();

        using var response = await sato.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements",
            new { injectId = "i1-alert", clientActionId = "body-key" }, "header-key");
        using var same = await sato.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements",
            new { injectId = "i1-alert", clientActionId = "one-key" }, "one-key");

        Assert.Equal(IdempotencyKeys.MismatchCode, (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.Created, same.StatusCode);
    }

    [Fact]
    public async Task A_decision_key_reused_for_an_acknowledgement_is_refused()
    {
        var (id, sato) = await StartedAsync();
        using var decided = await sato.PostAsync($"/api/exercises/{id}/organizations/bank/decisions",
            new { injectId = "i1-alert", text = "Block the address range" }, "tab-1:7");
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);

        using var resent = await sato.PostAsync($"/api/exercises/{id}/organizations/bank/decisions",
            new { injectId = "i1-alert", text = "Block the address range" }, "tab-1:7");
        using var reused = await sato.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements",
            new { injectId = "i1-alert" }, "tab-1:7");

        Assert.True(resent.Replayed());
        Assert.Equal(ClientActionId.ReusedCode, (await ProblemAssert.ReadAsync(reused, HttpStatusCode.UnprocessableEntity)).Code);
        // The decision acknowledged the inject implicitly; the refused acknowledgement added nothing.
        var acknowledgement = Assert.Single(await server.Api.EventsAsync(id), e => e.Kind == EventKind.InjectAcknowledged);
        Assert.True(acknowledgement.Payload.GetProperty("implicit").GetBoolean());
    }
}
