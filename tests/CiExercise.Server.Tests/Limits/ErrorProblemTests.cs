using System.Net;
using System.Text;
using CiExercise.Server.Problems;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiExercise.Server.Tests.Limits;

/// <summary>Every error a client can meet is problem details with a stable code, including the ones the framework answers itself.</summary>
public sealed class ErrorProblemTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_a_code()
    {
        using var response = await _api.Http.GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal("route.not-found", (await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task A_method_the_route_lacks_is_a_405_problem_with_a_code()
    {
        using var response = await _api.Http.DeleteAsync("/api/exercises", TestContext.Current.CancellationToken);

        Assert.Equal("route.method-not-allowed", (await ProblemAssert.ReadAsync(response, HttpStatusCode.MethodNotAllowed)).Code);
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_is_a_415_problem_with_a_code()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        using var content = new StringContent("speed=2", Encoding.UTF8, "text/plain");

        using var response = await _api.Http.PostAsync($"/api/exercises/{id}/speed", content, TestContext.Current.CancellationToken);

        Assert.Equal("request.unsupported-media-type", (await ProblemAssert.ReadAsync(response, HttpStatusCode.UnsupportedMediaType)).Code);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_a_431_problem_and_Kestrel_leaves_them_to_the_app()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/exercises");
        for (var i = 0; i < 5; i++) request.Headers.Add($"X-Filler-{i}", new string('f', Contracts.Limits.HeaderBytes / 4));

        using var response = await _api.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("request.headers-too-large",
            (await ProblemAssert.ReadAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge)).Code);
        var kestrel = server.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.True(kestrel.Limits.MaxRequestHeadersTotalSize > Contracts.Limits.HeaderBytes,
            "Kestrel would answer a bare 431 before the app could answer a problem");
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_that_does_not_echo_the_body()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        using var content = new StringContent($$"""{"reason": "{{new string('r', 100_000)}}""", Encoding.UTF8, "application/json");

        using var response = await _api.Http.PostAsync($"/api/exercises/{id}/halt", content, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.unreadable", problem.Code);
        Assert.True(problem.Detail!.Length <= ProblemWriter.MaxDetailLength + 100, $"The detail holds {problem.Detail.Length} characters");
    }
}
