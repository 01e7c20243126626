using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog.Core;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>
/// The real server (silo, scheduler, storage) on a SQLite file in <see cref="DataDirectory"/>, or on a
/// PostgreSQL database of its own when the suite runs on PostgreSQL (<see cref="TestStorage"/>), with its
/// own Orleans ports so that test classes run side by side. Two factories on one directory, one after
/// the other, are a server restart. Its log events are captured in <see cref="Logs"/> and what it prints
/// for the operator in <see cref="ConsoleText"/>.
/// </summary>
public sealed class ServerFactory(
    string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    private readonly StringWriter _console = new();

    public CapturedLogs Logs { get; } = new();

    public string ConsoleText
    {
        get
        {
            lock (_console) return _console.ToString();
        }
    }

    /// <summary>A client signed in as the principal, through a real join link stored by the server.</summary>
    public async Task<ApiClient> SignInAsync(ExercisePrincipal principal)
    {
        var links = Services.GetRequiredService<JoinLinkService>();
        var issued = await links.IssueAsync(principal, TimeSpan.FromDays(1), "tests", TestContext.Current.CancellationToken);
        return Client(issued.Token);
    }

    /// <summary>A client that sends the token (or none) as its bearer token.</summary>
    public ApiClient Client(string? token)
    {
        var http = CreateClient();
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http);
    }

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
            // Tests drive the API and the hub far faster than people do; the limit tests set their own small limits.
            ["Limits:Api:Burst"] = "100000",
            ["Limits:Api:PerMinute"] = "100000",
            ["Limits:HubCalls:Burst"] = "100000",
            ["Limits:HubCalls:PerMinute"] = "100000",
        };
        foreach (var (key, value) in TestStorage.Settings(DataDirectory)) defaults[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) defaults[key] = value;
        foreach (var (key, value) in defaults) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.Replace(ServiceDescriptor.Singleton(new ConsoleNotice(TextWriter.Synchronized(_console))));
            configureServices?.Invoke(services);
        });
    }

    /// <summary>A port nobody listens on now; the OS does not hand it out again at once.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
