using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Load.Api;

/// <summary>
/// What the run does as the control cell, through the public HTTP API only: sign in, create the exercise,
/// issue the participants' join links, drive the clock and read the record.
/// </summary>
public sealed class ControlApi(HttpClient http, string token)
{
    /// <summary>Links issued per request: the endpoint takes arrays, and smaller ones keep each answer short.</summary>
    public const int LinkBatch = 500;

    public static async Task<string> RedeemAsync(HttpClient http, string linkToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/redeem");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", linkToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await Read<JsonElement>(response, "redeem the first controller's link", cancellationToken);
        return body.GetProperty("token").GetString()!;
    }

    public Task<CiExercise.Contracts.Scenarios.Scenario> GetScenarioAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<CiExercise.Contracts.Scenarios.Scenario>(HttpMethod.Get, $"api/scenarios/{id}", null, $"read scenario '{id}' (is it in the server's scenario folder?)", cancellationToken);

    public Task<JsonElement> CreateExerciseAsync(string scenarioId, string exerciseId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, "api/exercises", new { scenarioId, id = exerciseId, name = $"Load test {exerciseId}" }, "create the exercise", cancellationToken);

    public Task<JsonElement> SpeedAsync(string exerciseId, double speed, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/exercises/{exerciseId}/speed", new { speed }, "set the speed", cancellationToken);

    public Task<JsonElement> CommandAsync(string exerciseId, string command, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/exercises/{exerciseId}/{command}", null, $"{command} the exercise", cancellationToken);

    /// <summary>One join link per seat, in seat order: the token of each (the part of the URL after '#').</summary>
    public async Task<string[]> IssueLinksAsync(string exerciseId, IReadOnlyList<Scenario.Seat> seats, CancellationToken cancellationToken)
    {
        var tokens = new List<string>(seats.Count);
        foreach (var batch in seats.Chunk(LinkBatch))
        {
            var body = batch.Select(s => new { kind = "participant", organizationId = s.OrganizationId, role = s.Role, name = s.Name, expiresIn = "1.00:00:00" });
            var issued = await SendAsync<JsonElement>(HttpMethod.Post, $"api/exercises/{exerciseId}/join-links", body, "issue join links", cancellationToken);
            tokens.AddRange(issued.EnumerateArray().Select(l => l.GetProperty("url").GetString()!.Split('#', 2)[1]));
        }
        return [.. tokens];
    }

    /// <summary>The whole record after a sequence number, page by page (the endpoint's largest page), as the controller sees it.</summary>
    public async Task<IReadOnlyList<LogRow>> ReadLogAsync(string exerciseId, CancellationToken cancellationToken)
    {
        var rows = new List<LogRow>();
        long after = 0;
        // Bounded: every page moves `after` forward, and a page that does not ends the loop.
        while (true)
        {
            var page = await SendAsync<LogPage>(HttpMethod.Get, $"api/exercises/{exerciseId}/events?after={after}&limit=1000", null, "read the event log", cancellationToken);
            rows.AddRange(page.Events);
            if (!page.HasMore || page.NextAfter <= after) return rows;
            after = page.NextAfter;
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: ScenarioJson.Options);
        using var response = await http.SendAsync(request, cancellationToken);
        return await Read<T>(response, what, cancellationToken);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new LoadException($"Could not {what}: {(int)response.StatusCode} {response.ReasonPhrase} {problem[..Math.Min(problem.Length, 600)]}");
        }
        return (await response.Content.ReadFromJsonAsync<T>(ScenarioJson.Options, cancellationToken))!;
    }
}
