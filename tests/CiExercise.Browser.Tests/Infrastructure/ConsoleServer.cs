using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CiExercise.Browser.Tests.Infrastructure;

/// <summary>
/// The real server (silo, scheduler, storage, consoles) listening with Kestrel on a free loopback port,
/// so that a real browser can reach it, on a SQLite file in a fresh temporary folder.
/// </summary>
public sealed class ConsoleServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "ciex-browser-tests", Guid.NewGuid().ToString("N"))).FullName;

    public ConsoleServer()
    {
        Port = FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Scenarios:Directory", Path.Combine(AppContext.BaseDirectory, "Scenarios"));
        builder.UseSetting("Samples:CreateOnEmpty", "false");
        builder.UseSetting("Identity:PublicBaseUrl", BaseAddress.ToString());
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The control cell's console offers it to a controller of every exercise (OrleansDashboardTests).
        builder.UseSetting("Telemetry:Dashboard", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the database file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere; the OS cleans its temp folder anyway.
        }
    }

    /// <summary>A port nobody listens on now; the OS does not hand it out again at once.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
