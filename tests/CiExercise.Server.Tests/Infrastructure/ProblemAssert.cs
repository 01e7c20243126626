using System.Net;
using System.Text.Json;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>A problem-details answer: its status, stable code, detail and (for a validation problem) fields.</summary>
public sealed record Problem(int Status, string? Code, string? Detail, IReadOnlyList<string> Fields)
{
    public override string ToString() => $"{Status} {Code}: {Detail} [{string.Join(", ", Fields)}]";
}

public static class ProblemAssert
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var fields = root.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(p => p.Name).ToArray()
            : [];
        var problem = new Problem(
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("code", out var code) ? code.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            fields);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), $"A problem must say what was wrong: {text}");
        return problem;
    }
}
