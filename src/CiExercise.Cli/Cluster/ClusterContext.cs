using System.Net.Http.Headers;
using System.Text.Json;
using CiExercise.Cli.Load.Api;

namespace CiExercise.Cli.Cluster;

/// <summary>The running cluster a fault acts on: its nodes, the proxy in front, the shared database and the control cell's API.</summary>
public sealed class ClusterContext(ClusterTestOptions options, IReadOnlyList<ClusterNode> nodes, NginxProxy proxy, FaultDatabase? database,
    HttpClient http, string controllerToken, TextWriter progress)
{
    public ClusterTestOptions Options => options;

    public IReadOnlyList<ClusterNode> Nodes => nodes;

    public NginxProxy Proxy => proxy;

    public FaultDatabase? Database => database;

    /// <summary>Through the proxy, as a control cell's browser would.</summary>
    public HttpClient Http => http;

    public ControlApi Api { get; } = new(http, controllerToken);

    public string ControllerToken => controllerToken;

    public void Say(string fault, string what) => progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} {fault}: {what}");

    /// <summary>
    /// The node whose silo hosts the exercise's grain, from GET /api/cluster?exercise=ID (which activates it if it was
    /// not); on one node, that node. Null when no node answers or names one of this run's silos.
    /// </summary>
    public async Task<ClusterNode?> GrainHostAsync(string exerciseId, CancellationToken cancellationToken)
    {
        if (nodes.Count == 1) return nodes[0];
        foreach (var node in nodes.Where(n => n.Running))
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.Address, $"api/cluster?exercise={Uri.EscapeDataString(exerciseId)}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", controllerToken);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode) continue;
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var port = HostSiloPort(body.RootElement);
                if (nodes.FirstOrDefault(n => n.SiloPort == port) is { } host) return host;
            }
            catch (HttpRequestException)
            {
                // That node is away; ask another.
            }
        }
        return null;
    }

    /// <summary>The silo port of {"exercise": {"silo": {"siloPort": N}}}, the answer's hosting silo; 0 when absent.</summary>
    internal static int HostSiloPort(JsonElement answer) =>
        answer.TryGetProperty("exercise", out var exercise) && exercise.ValueKind == JsonValueKind.Object
        && exercise.TryGetProperty("silo", out var silo) && silo.ValueKind == JsonValueKind.Object
        && silo.TryGetProperty("siloPort", out var port) && port.TryGetInt32(out var value) ? value : 0;

    /// <summary>GET /health/ready of one node, straight to it (not through the proxy): status and body.</summary>
    public async Task<(int Status, string Body)> ReadyAsync(ClusterNode node, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(node.Address, "health/ready"), cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException error)
        {
            return (0, error.Message);
        }
    }
}
