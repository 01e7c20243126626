using System.Text.Json;

namespace CiExercise.Server.Tests.Operations;

/// <summary>
/// What the Dockerfile's last stage tells the container runtime: its working folder, environment, entry point and
/// health check. Read from the file itself, so a test runs what the image would run.
/// </summary>
internal sealed record ContainerImage(string WorkDir, IReadOnlyDictionary<string, string> Environment, string[] EntryPoint, string[] HealthCheck)
{
    public static ContainerImage Parse(string dockerfile)
    {
        // Instructions with their continuation lines joined, comments dropped, from the last FROM on.
        var instructions = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal)
            .Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var stage = instructions.Skip(instructions.FindLastIndex(line => line.StartsWith("FROM ", StringComparison.Ordinal))).ToList();

        string workDir = "/";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string[]? entryPoint = null, healthCheck = null;
        foreach (var line in stage)
        {
            var (keyword, rest) = (line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim());
            switch (keyword)
            {
                case "WORKDIR":
                    workDir = rest;
                    break;
                case "ENV":
                    foreach (var pair in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    break;
                case "ENTRYPOINT":
                    entryPoint = JsonSerializer.Deserialize<string[]>(rest);
                    break;
                case "HEALTHCHECK":
                    healthCheck = JsonSerializer.Deserialize<string[]>(rest[(rest.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]);
                    break;
            }
        }
        return new ContainerImage(workDir, environment,
            entryPoint ?? throw new InvalidDataException("The Dockerfile's last stage has no ENTRYPOINT in exec (JSON) form."),
            healthCheck ?? throw new InvalidDataException("The Dockerfile's last stage has no HEALTHCHECK CMD in exec (JSON) form."));
    }
}
