using System.Net;
using System.Net.Http.Headers;
using CiExercise.Server.Identity;
using CiExercise.Server.Telemetry;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CiExercise.Server.Tests.Operations;

public sealed class DashboardFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telemetry:Dashboard"] = "true" };
}

/// <summary>The Orleans dashboard when enabled: a controller of every exercise only, by bearer token or by its session cookie.</summary>
public sealed class DashboardTests(DashboardFixture server) : IClassFixture<DashboardFixture>
{
    private const string Page = OrleansDashboard.Path + "/";

    [Fact]
    public async Task It_is_served_to_a_controller_of_every_exercise_and_refused_to_everyone_else()
    {
        var controller = await server.Factory.SignInAsync(TestPrincipals.ControllerOfAll);
        using (var page = await GetAsync(controller.Http, Page))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
        using (var version = await GetAsync(controller.Http, $"{OrleansDashboard.Path}/version"))
            Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        // The index tells the consoles it is there (the control cell's console offers it).
        Assert.Equal(Page, (await server.Api.GetAsync<CiExercise.Server.Endpoints.IndexEndpoints.ServiceIndex>("/api")).Dashboard);

        var id = (await server.Api.CreateExerciseAsync()).Id;
        foreach (var (who, status) in new[]
                 {
                     (server.Factory.Client(null), HttpStatusCode.Unauthorized),
                     (await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff")), HttpStatusCode.Forbidden),
                     (await server.Factory.SignInAsync(TestPrincipals.Controller(id)), HttpStatusCode.Forbidden),
                     (await server.Factory.SignInAsync(TestPrincipals.Observer(id)), HttpStatusCode.Forbidden),
                 })
        {
            using var response = await GetAsync(who.Http, Page);
            Assert.Equal(status, response.StatusCode);
            using var session = await who.PostAsync(OrleansDashboard.SessionPath);
            Assert.Equal(status, session.StatusCode);
            Assert.False(session.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task A_session_cookie_opens_the_dashboard_in_a_browser_and_nothing_else()
    {
        var controller = await server.Factory.SignInAsync(TestPrincipals.ControllerOfAll);
        using var opened = await controller.PostAsync(OrleansDashboard.SessionPath);
        var session = await ApiClient.ReadAsync<OrleansDashboard.DashboardSession>(opened, HttpStatusCode.OK);
        Assert.Equal(Page, session.Url);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{OrleansDashboard.CookieName}=", cookie, StringComparison.Ordinal);
        foreach (var attribute in new[] { "path=/dashboard", "samesite=strict", "httponly" })
            Assert.Contains(attribute, cookie, StringComparison.OrdinalIgnoreCase);

        // A browser: no Authorization header, only the cookie it was given.
        using var browser = server.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        browser.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        using (var page = await GetAsync(browser, Page))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(CiExercise.Server.Hosting.SecurityHeaders.DashboardPolicy, Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        }
        // Outside /dashboard the cookie signs nobody in.
        using (var api = await GetAsync(browser, "/api/exercises"))
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // A participant's token in the cookie is refused as it is in the header.
        var participant = await server.Factory.SignInAsync(TestPrincipals.Participant((await server.Api.CreateExerciseAsync()).Id, "bank", "staff"));
        using var forged = server.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        forged.DefaultRequestHeaders.Add("Cookie", $"{OrleansDashboard.CookieName}={participant.Http.DefaultRequestHeaders.Authorization!.Parameter}");
        using (var refused = await GetAsync(forged, Page))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(path, TestContext.Current.CancellationToken);
}
