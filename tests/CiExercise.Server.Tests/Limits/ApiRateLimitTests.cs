using System.Net;
using CiExercise.Server.Throttling;
using CiExercise.Server.Tests.Infrastructure;
using Serilog.Events;

namespace CiExercise.Server.Tests.Limits;

/// <summary>One token's flood of API calls is refused (429, code, Retry-After, one warning) and nobody else notices.</summary>
public sealed class ApiRateLimitTests(SmallLimitsFixture server) : IClassFixture<SmallLimitsFixture>
{
    [Fact]
    public async Task A_token_over_its_rate_is_refused_and_another_token_is_not()
    {
        var flooding = await server.Factory.SignInAsync(TestPrincipals.Participant("any", "bank", "staff", "Flood"));
        var other = await server.Factory.SignInAsync(TestPrincipals.Participant("any", "bank", "staff", "Quiet"));

        for (var i = 0; i < SmallLimitsFixture.Burst; i++)
        {
            using var allowed = await flooding.Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await flooding.Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        using var quiet = await other.Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(LimitRefusals.Requests, problem.Code);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
        var warning = Assert.Single(server.Factory.Logs.Events, e => CapturedLogs.Text(e, "Code") == LimitRefusals.Requests);
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Equal("Flood", CapturedLogs.Text(warning, "Name"));
        Assert.Equal("/api/auth/me", CapturedLogs.Text(warning, "Path"));
        Assert.NotNull(CapturedLogs.Text(warning, "Limit"));
        var token = flooding.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.DoesNotContain(token, warning.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_attempts_from_one_address_are_limited_whatever_tokens_they_carry()
    {
        var guessing = server.Factory.Client("not-a-token");
        for (var i = 0; i < SmallLimitsFixture.Burst; i++)
        {
            using var wrong = await guessing.PostAsync("/api/auth/redeem");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var refused = await guessing.PostAsync("/api/auth/redeem");

        var problem = await ProblemAssert.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(LimitRefusals.RedeemAttempts, problem.Code);
        Assert.NotNull(refused.Headers.RetryAfter);
        var warning = Assert.Single(server.Factory.Logs.Events, e => CapturedLogs.Text(e, "Code") == LimitRefusals.RedeemAttempts);
        Assert.NotNull(CapturedLogs.Text(warning, "ClientAddress"));
    }
}
