using System.Net;
using System.Text;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Access;

/// <summary>
/// Every endpoint the app maps × every kind of caller: allowed calls are not refused, refused ones answer
/// 401/403 problems, change nothing in the record and are logged. The hub's methods have their own matrix.
/// </summary>
public sealed class AccessMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ServerFactory _factory = server.Factory;

    [Fact]
    public void Every_endpoint_has_a_matrix_entry()
    {
        var missing = Endpoints().Select(e => e.Key).Where(k => !AccessMatrix.Allowed.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, "Endpoints without an access matrix entry: " + string.Join(", ", missing));
        Assert.Empty(AccessMatrix.Allowed.Keys.Except(Endpoints().Select(e => e.Key)));
    }

    [Fact]
    public async Task Each_caller_is_allowed_or_refused_as_the_matrix_says_and_refusals_change_nothing()
    {
        var a = (await server.Api.CreateExerciseAsync()).Id;
        var b = (await server.Api.CreateExerciseAsync()).Id;
        var links = _factory.Services.GetRequiredService<JoinLinkService>();
        var linkOfA = await links.IssueAsync(TestPrincipals.Observer(a), TimeSpan.FromDays(1), "tests", TestContext.Current.CancellationToken);
        var callers = new Dictionary<Caller, ApiClient>
        {
            [Caller.Anonymous] = _factory.Client(null),
            [Caller.ControllerOfAll] = server.Api,
            [Caller.ControllerOfA] = await _factory.SignInAsync(TestPrincipals.Controller(a)),
            [Caller.ControllerOfB] = await _factory.SignInAsync(TestPrincipals.Controller(b)),
            [Caller.ParticipantOwnOrg] = await _factory.SignInAsync(TestPrincipals.Participant(a, "bank", "staff")),
            [Caller.ParticipantOtherOrg] = await _factory.SignInAsync(TestPrincipals.Participant(a, "bank", "staff")),
            [Caller.Evaluator] = await _factory.SignInAsync(TestPrincipals.Evaluator(a)),
            [Caller.Observer] = await _factory.SignInAsync(TestPrincipals.Observer(a)),
        };

        var failures = new List<string>();
        foreach (var (key, pattern, method) in Endpoints().OrderBy(e => e.Key == "POST /api/exercises/{id}/end"))
        {
            foreach (var (caller, api) in callers)
            {
                var path = Fill(pattern, a, caller == Caller.ParticipantOtherOrg ? "power" : "bank", linkOfA.Link.Id);
                var before = await StateAsync(a);
                var refusalsBefore = _factory.Logs.RefusalsOf(path).Count;
                using var response = await api.Http.SendAsync(Request(method, path, key), TestContext.Current.CancellationToken);
                var status = (int)response.StatusCode;
                var allowed = AccessMatrix.Allowed[key].Contains(caller);
                var expected = allowed ? "not 401/403" : caller == Caller.Anonymous ? "401" : "403";
                var ok = allowed
                    ? status is not (401 or 403)
                    : status == (caller == Caller.Anonymous ? 401 : 403)
                      && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                      && await StateAsync(a) == before
                      && _factory.Logs.RefusalsOf(path).Count == refusalsBefore + 1;
                if (!ok) failures.Add($"{caller} {method} {path}: expected {expected}, got {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private IEnumerable<(string Key, string Pattern, string Method)> Endpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && !p.StartsWith(HubRoutes.Exercise, StringComparison.Ordinal) && !AccessMatrix.IsConsolePage(p))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => ($"{m} {e.RoutePattern.RawText}", e.RoutePattern.RawText!, m)))
            .Distinct();

    /// <summary>The exercise's last sequence number and its join links: what a refused call must leave as it was.</summary>
    private async Task<(long LastSeq, int Links)> StateAsync(string exerciseId)
    {
        var view = await server.Api.ExerciseAsync(exerciseId);
        var links = await server.Api.GetAsync<JoinLinkSummary[]>($"/api/exercises/{exerciseId}/join-links");
        return (view.LastSeq, links.Count(l => l.RevokedAt is null));
    }

    internal static string Fill(string pattern, string exerciseId, string orgId, string linkId) =>
        pattern.Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("/api/scenarios/{id}", $"/api/scenarios/{TestScenario.Id}", StringComparison.Ordinal)
            .Replace("{id}", exerciseId, StringComparison.Ordinal).Replace("{orgId}", orgId, StringComparison.Ordinal)
            .Replace("{linkId}", linkId, StringComparison.Ordinal).Replace("{checkId}", "check-1", StringComparison.Ordinal)
            .Replace("{actionId}", "ca-matrix", StringComparison.Ordinal).Replace("{serviceId}", "grid", StringComparison.Ordinal)
            .Replace("{injectId}", "i1-alert", StringComparison.Ordinal);

    internal static HttpRequestMessage Request(string method, string path, string key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST") request.Content = new StringContent(Body(key), Encoding.UTF8, key switch
        {
            _ when key.EndsWith("/validate", StringComparison.Ordinal) => "text/yaml",
            _ when key.EndsWith("/roster", StringComparison.Ordinal) => "text/csv",
            _ => "application/json",
        });
        return request;
    }

    private static string Body(string key) => key switch
    {
        _ when key.EndsWith("/validate", StringComparison.Ordinal) => "id: x\n",
        _ when key.EndsWith("/join-links", StringComparison.Ordinal) => """[{"kind":"observer","name":"Matrix observer"}]""",
        // A valid roster: a refused import would issue a link, which the state check would see.
        _ when key.EndsWith("/roster", StringComparison.Ordinal) => "name,organization,role\nMatrix participant,bank,staff\n",
        _ when key.EndsWith("/speed", StringComparison.Ordinal) => """{"speed":2}""",
        _ when key.EndsWith("/halt", StringComparison.Ordinal) => """{"reason":"matrix"}""",
        _ when key.EndsWith("/jump", StringComparison.Ordinal) => """{"to":"next-inject"}""",
        _ when key.EndsWith("/acknowledgements", StringComparison.Ordinal) => """{"injectId":"i1-alert"}""",
        _ when key.EndsWith("/decisions", StringComparison.Ordinal) => """{"injectId":"i1-alert","text":"matrix"}""",
        _ when key.EndsWith("/messages", StringComparison.Ordinal) => """{"to":["ministry"],"subject":"s","body":"b"}""",
        _ when key.EndsWith("/statements", StringComparison.Ordinal) => """{"headline":"matrix","body":"statement"}""",
        _ when key.EndsWith("/reports", StringComparison.Ordinal) => """{"injectId":"i2-outage","answers":[{"fieldId":"attack","choiceId":"ddos"}]}""",
        _ when key.EndsWith("/feed", StringComparison.Ordinal) => """{"kind":"news","outlet":"Maiasa","headline":"matrix","body":"post"}""",
        _ when key.EndsWith("/communication-checks/", StringComparison.Ordinal) => """{"route":"everyone","message":"matrix"}""",
        _ when key.EndsWith("/observations", StringComparison.Ordinal) => """{"kind":"strength","text":"matrix"}""",
        _ when key.EndsWith("/task-ratings", StringComparison.Ordinal) => """{"objectiveId":"report","taskId":"first-report","rating":"s"}""",
        _ when key.EndsWith("/services/{serviceId}", StringComparison.Ordinal) => """{"status":"down"}""",
        _ when key.EndsWith("/hot-wash", StringComparison.Ordinal) => """{"answers":[{"questionId":"realism","rating":4}]}""",
        _ => "{}",
    };
}
