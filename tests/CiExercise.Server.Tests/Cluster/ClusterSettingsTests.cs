using System.Net;
using CiExercise.Server.Cluster;
using CiExercise.Storage;
using Microsoft.Extensions.Configuration;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>The "Cluster" section: defaults that keep the single node as it was, and a refusal that names the setting.</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void Off_by_default_with_the_orleans_ports_and_loopback()
    {
        var settings = ClusterSettings.From(Configuration(new() { ["Orleans:SiloPort"] = "12000", ["Orleans:GatewayPort"] = "31000" }));

        Assert.False(settings.Enabled);
        Assert.Equal((12000, 31000), (settings.SiloPort, settings.GatewayPort));
        Assert.Equal(IPAddress.Loopback, settings.AdvertisedAddress);
        Assert.Equal((ClusterSettings.DefaultId, ClusterSettings.DefaultId), (settings.ClusterId, settings.ServiceId));
        Assert.Equal(ClusterSettings.DefaultTailInterval, settings.TailInterval);
    }

    [Fact]
    public void Cluster_ports_and_address_win_over_the_orleans_section()
    {
        var settings = ClusterSettings.From(Configuration(new()
        {
            ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = "Host=db;Database=ciexercise",
            ["Cluster:Enabled"] = "true", ["Cluster:ClusterId"] = "exercise-2027", ["Cluster:AdvertisedAddress"] = "10.1.2.3",
            ["Cluster:SiloPort"] = "11112", ["Orleans:SiloPort"] = "12000", ["Cluster:TailInterval"] = "00:00:00.5",
        }));

        Assert.True(settings.Enabled);
        Assert.Equal("exercise-2027", settings.ClusterId);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), settings.AdvertisedAddress);
        Assert.Equal((11112, 30000), (settings.SiloPort, settings.GatewayPort));
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.TailInterval);
    }

    [Fact]
    public void A_cluster_on_sqlite_is_refused_with_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterSettings.From(Configuration(new() { ["Cluster:Enabled"] = "true" })));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("SQLite", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cluster:AdvertisedAddress", "node-1.example")]
    [InlineData("Cluster:AdvertisedAddress", "0.0.0.0")]
    [InlineData("Cluster:SiloPort", "70000")]
    [InlineData("Cluster:ClusterId", "two words")]
    [InlineData("Cluster:TailInterval", "00:05:00")]
    [InlineData("Cluster:Enabled", "yes")]
    public void A_bad_value_is_refused_naming_its_setting(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterSettings.From(Configuration(new() { [key] = value })));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_invariant_is_the_provider_orleans_loads()
    {
        Assert.Equal("Npgsql", ClusterSettings.InvariantOf(StorageProvider.PostgreSql));
        Assert.Equal("Microsoft.Data.SqlClient", ClusterSettings.InvariantOf(StorageProvider.SqlServer));
        Assert.Throws<InvalidOperationException>(() => ClusterSettings.InvariantOf(StorageProvider.Sqlite));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
