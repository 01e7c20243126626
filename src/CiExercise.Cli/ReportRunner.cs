using System.Net.Http.Headers;
using System.Text.Json;

namespace CiExercise.Cli;

/// <summary>
/// `ciex report`: downloads an exercise's report (Markdown, Excel, one CSV table) or its whole record (the JSON
/// export) from a server, with a controller's or evaluator's token. A failed download never leaves half a report
/// (<see cref="OutputFile"/>). The token is never printed.
/// </summary>
public sealed class ReportRunner(TextWriter output, TextWriter error)
{
    public const string TokenVariable = "CIEX_TOKEN";

    public static readonly string[] Formats = ["md", "csv", "xlsx", "json"];

    public async Task<int> RunAsync(
        string exerciseId, Uri server, string format, string outFile, string? table, string language, string? token, CancellationToken cancellationToken)
    {
        token = string.IsNullOrWhiteSpace(token) ? Environment.GetEnvironmentVariable(TokenVariable) : token;
        if (string.IsNullOrWhiteSpace(token))
            return Fail($"no token: give --token or set {TokenVariable} to a controller's or evaluator's token.");
        if (format == "csv" && string.IsNullOrWhiteSpace(table))
            return Fail("--format csv needs --table (for example timeline or kpi_organizations; the report's JSON lists every table id).");

        var id = Uri.EscapeDataString(exerciseId);
        var path = format switch
        {
            "json" => $"api/exercises/{id}/export.json",
            "csv" => $"api/exercises/{id}/review/report.csv?lang={language}&table={Uri.EscapeDataString(table!)}",
            _ => $"api/exercises/{id}/review/report.{format}?lang={language}",
        };
        using var http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException unreachable)
        {
            return Fail($"cannot reach {server}: {unreachable.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode) return Fail(await ProblemAsync(response, cancellationToken));
            var full = Path.GetFullPath(outFile);
            if (await OutputFile.WriteAsync(full, file => response.Content.CopyToAsync(file, cancellationToken)) is { } failed) return Fail(failed);

            await output.WriteLineAsync($"wrote {full} ({new FileInfo(full).Length} bytes)");
            return 0;
        }
    }

    /// <summary>The problem's code and detail, as the server gave them; the status alone when the body is no problem.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var code = json.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return code is null && detail is null ? status : $"{status}: {code}: {detail}";
        }
        catch (JsonException)
        {
            return status;
        }
    }

    private int Fail(string message)
    {
        error.WriteLine($"ciex report: {message}");
        return 1;
    }
}
