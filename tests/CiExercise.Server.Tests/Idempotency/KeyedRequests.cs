using System.Net.Http.Json;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Requests;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Idempotency;

/// <summary>Requests sent the way a retrying client sends them: the same body under the same Idempotency-Key.</summary>
internal static class KeyedRequests
{
    public static Task<HttpResponseMessage> PostAsync(this ApiClient api, string url, object? body, string? key) =>
        api.SendAsync(url, JsonContent.Create(body ?? new { }, options: ScenarioJson.Options), key);

    public static async Task<HttpResponseMessage> SendAsync(this ApiClient api, string url, HttpContent content, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (key is not null) request.Headers.Add(IdempotencyKeys.Header, key);
        return await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static bool Replayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyKeys.ReplayedHeader, out var values) && values.Contains("true");

    public static string NewKey() => Guid.NewGuid().ToString("D");
}
