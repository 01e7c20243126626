using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>
/// The real server (silo, scheduler, storage) on a SQLite file in <see cref="DataDirectory"/>, with its
/// own Orleans ports so that test classes run side by side. Two factories on one directory, one after
/// the other, are a server restart.
/// </summary>
public sealed class ServerFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    public static string TestScenarios => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Scenarios:Directory"] = TestScenarios,
            ["Samples:CreateOnEmpty"] = "false",
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) defaults[key] = value;
        foreach (var (key, value) in defaults) builder.UseSetting(key, value);
    }

    /// <summary>A port nobody listens on now; the OS does not hand it out again at once.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
