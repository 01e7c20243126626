using System.Net;

namespace CiExercise.Server.Hosting;

/// <summary>
/// The server listens beyond this machine only when told to: an address in Urls or Kestrel:Endpoints that
/// is not loopback needs Network:AllowRemote = true, so a test or a laptop never exposes an exercise by accident.
/// </summary>
public static class RemoteBinding
{
    public static void Check(IConfiguration configuration)
    {
        if (configuration.GetValue("Network:AllowRemote", false)) return;
        var remote = Addresses(configuration).Where(url => !IsLoopback(url)).ToList();
        if (remote.Count > 0)
            throw new InvalidOperationException(
                $"The server is configured to listen on {string.Join(", ", remote)}, beyond this machine. "
                + "Set Network:AllowRemote to true (environment Network__AllowRemote=true) to allow it, or listen on localhost / 127.0.0.1 only.");
    }

    public static IEnumerable<string> Addresses(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());

    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
