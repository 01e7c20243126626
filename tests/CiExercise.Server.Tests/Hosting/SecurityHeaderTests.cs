using System.Net;
using CiExercise.Server.Hosting;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Hosting;

/// <summary>Every answer carries the headers that keep the consoles from being framed, sniffed or made to run foreign script.</summary>
public sealed class SecurityHeaderTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/console")]
    [InlineData("/control/some-exercise")]
    public async Task Console_pages_send_a_policy_without_inline_script_or_framing(string path)
    {
        using var response = await server.Factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ConsolePolicy, policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("worker-src 'self'", policy);
        AssertCommonHeaders(response);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", page);
    }

    [Theory]
    [InlineData("/api/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    public async Task Api_answers_allow_nothing_to_run(string path, HttpStatusCode status)
    {
        using var response = await server.Factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.ApiPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        AssertCommonHeaders(response);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
