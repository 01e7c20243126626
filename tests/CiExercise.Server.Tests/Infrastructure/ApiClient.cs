using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Exercises;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>The HTTP API as the tests use it: typed calls that assert the status they expect.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) =>
        http.PostAsJsonAsync(url, body ?? new { }, ScenarioJson.Options);

    public async Task<T> GetAsync<T>(string url)
    {
        using var response = await http.GetAsync(url);
        return await ReadAsync<T>(response, HttpStatusCode.OK);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, ScenarioJson.Options)!;
    }

    public async Task<ExerciseView> CreateExerciseAsync(string? id = null, string scenarioId = TestScenario.Id)
    {
        using var response = await PostAsync("/api/exercises", new { scenarioId, id = id ?? NewId() });
        return await ReadAsync<ExerciseView>(response, HttpStatusCode.Created);
    }

    public async Task<ExerciseView> CommandAsync(string exerciseId, string command, object? body = null)
    {
        using var response = await PostAsync($"/api/exercises/{exerciseId}/{command}", body);
        return await ReadAsync<ExerciseView>(response, HttpStatusCode.OK);
    }

    public Task<ExerciseView> ExerciseAsync(string exerciseId) => GetAsync<ExerciseView>($"/api/exercises/{exerciseId}");

    /// <summary>The whole event log of an exercise, read page by page as a client would.</summary>
    public async Task<IReadOnlyList<EventItem>> EventsAsync(string exerciseId, int limit = 1000)
    {
        var events = new List<EventItem>();
        long after = 0;
        while (true)
        {
            var page = await GetAsync<EventPage>($"/api/exercises/{exerciseId}/events?after={after}&limit={limit}");
            events.AddRange(page.Events);
            after = page.NextAfter;
            if (!page.HasMore) return events;
        }
    }

    public async Task<long> LastSeqAsync(string exerciseId) => (await EventsAsync(exerciseId)).Select(e => e.Seq).DefaultIfEmpty().Max();

    /// <summary>Polls until the exercise view satisfies the condition, failing after the timeout.</summary>
    public Task<ExerciseView> WaitForExerciseAsync(string exerciseId, Func<ExerciseView, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(() => ExerciseAsync(exerciseId), condition, what, timeout);

    public static string NewId() => $"t-{Guid.NewGuid():N}"[..14];

    /// <summary>The deliveries in a log, as (inject, organization) pairs.</summary>
    public static IEnumerable<(string InjectId, string OrganizationId)> Deliveries(IEnumerable<EventItem> events) =>
        events.Where(e => e.Kind == EventKind.InjectDelivered).Select(e => (e.InjectId!, e.OrganizationId!));
}
