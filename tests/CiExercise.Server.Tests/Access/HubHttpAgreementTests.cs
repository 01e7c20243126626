using CiExercise.Client.Hub;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;
using HubCaller = CiExercise.Server.Tests.Realtime.HubAccessMatrixTests.Caller;

namespace CiExercise.Server.Tests.Access;

/// <summary>
/// The hub refuses what HTTP refuses (invariant 5 has one answer per action, whichever way it comes): each hub
/// method is called, and its HTTP endpoint requested with the same token, by every kind of caller, and both
/// refuse or neither does. The hub methods are enumerated, so a new one without an endpoint here fails.
/// </summary>
public sealed class HubHttpAgreementTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>The HTTP endpoint ("METHOD pattern", as in <see cref="AccessMatrix"/>) doing what each hub method does.</summary>
    private static readonly Dictionary<string, string> EndpointOf = new()
    {
        [nameof(IExerciseHub.Subscribe)] = "GET /api/exercises/{id}/events",
        [nameof(IExerciseHub.GetExercise)] = "GET /api/exercises/{id}",
        [nameof(IExerciseHub.GetOrganization)] = "GET /api/exercises/{id}/organizations/{orgId}/",
        [nameof(IExerciseHub.Acknowledge)] = "POST /api/exercises/{id}/organizations/{orgId}/acknowledgements",
        [nameof(IExerciseHub.Decide)] = "POST /api/exercises/{id}/organizations/{orgId}/decisions",
        [nameof(IExerciseHub.SendMessage)] = "POST /api/exercises/{id}/organizations/{orgId}/messages",
        [nameof(IExerciseHub.SubmitReport)] = "POST /api/exercises/{id}/organizations/{orgId}/reports",
        [nameof(IExerciseHub.PublishStatement)] = "POST /api/exercises/{id}/organizations/{orgId}/statements",
        [nameof(IExerciseHub.RecordObservation)] = "POST /api/exercises/{id}/observations",
        [nameof(IExerciseHub.RateTask)] = "POST /api/exercises/{id}/task-ratings",
        [nameof(IExerciseHub.SubmitHotWash)] = "POST /api/exercises/{id}/organizations/{orgId}/hot-wash",
        [nameof(IExerciseHub.GetPresence)] = "GET /api/exercises/{id}/presence",
        [nameof(IExerciseHub.StartCommunicationCheck)] = "POST /api/exercises/{id}/communication-checks/",
        [nameof(IExerciseHub.CloseCommunicationCheck)] = "POST /api/exercises/{id}/communication-checks/{checkId}/close",
        [nameof(IExerciseHub.AcknowledgeCheck)] = "POST /api/exercises/{id}/organizations/{orgId}/communication-checks/{checkId}/acknowledgement",
        [nameof(IExerciseHub.PassOnCheck)] = "POST /api/exercises/{id}/organizations/{orgId}/communication-checks/{checkId}/pass-on",
    };

    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public void Every_hub_method_has_its_HTTP_endpoint()
    {
        Assert.Equal(typeof(IExerciseHub).GetMethods().Select(m => m.Name).Order(), EndpointOf.Keys.Order());
        Assert.All(EndpointOf.Values, key => Assert.True(AccessMatrix.Allowed.ContainsKey(key), $"{key} is not an endpoint of the access matrix"));
    }

    [Fact]
    public async Task Hub_and_HTTP_refuse_the_same_callers_method_by_method()
    {
        var (id, own, otherOrg) = await HubAccessMatrixTests.DeliveredAsync(_hub);

        var disagreements = new List<string>();
        foreach (var caller in Enum.GetValues<HubCaller>())
        {
            var token = await HubAccessMatrixTests.TokenAsync(_hub, caller, id);
            await using var connection = await _hub.ConnectAsync(token);
            var http = server.Factory.Client(token).Http;
            foreach (var (method, (_, call)) in HubAccessMatrixTests.Matrix)
            {
                var target = caller == HubCaller.ParticipantOtherOrgData ? otherOrg : own;
                var hubRefuses = await HubAccessMatrixTests.OutcomeAsync(() => call(connection, target))
                    is HubErrors.AccessDenied or HubErrors.Unauthenticated;

                // Who acts on the hub is the token's organization; only a method that names one can reach another's.
                var key = EndpointOf[method];
                var namesOrganization = typeof(IExerciseHub).GetMethod(method)!.GetParameters().Any(p => p.Name == "organizationId");
                var path = AccessMatrixTests.Fill(key[(key.IndexOf(' ') + 1)..], id, namesOrganization ? target.OrganizationId : own.OrganizationId, "no-link");
                using var response = await http.SendAsync(AccessMatrixTests.Request(key[..key.IndexOf(' ')], path, key), TestContext.Current.CancellationToken);
                var httpRefuses = (int)response.StatusCode is 401 or 403;

                if (hubRefuses != httpRefuses)
                    disagreements.Add($"{method} by {caller}: the hub {(hubRefuses ? "refuses" : "allows")}, {key} answers {(int)response.StatusCode}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
