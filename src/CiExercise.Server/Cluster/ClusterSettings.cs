using System.Globalization;
using System.Net;
using CiExercise.Storage;

namespace CiExercise.Server.Cluster;

/// <summary>
/// Configuration section "Cluster": whether this node joins other nodes on the shared database (Orleans' ADO.NET
/// clustering), under which ids, and where the other silos reach it. Off, the server is the embedded single node on
/// localhost clustering, as before. Read once at start; every value is checked here so that a mistake stops the
/// server with a message that names the setting, rather than a silo that never finds its peers.
/// </summary>
public sealed record ClusterSettings(
    bool Enabled, string ClusterId, string ServiceId, IPAddress AdvertisedAddress, int SiloPort, int GatewayPort, TimeSpan TailInterval,
    bool Kubernetes)
{
    public const string SectionName = "Cluster";
    public const string DefaultId = "ciexercise";

    /// <summary>Orleans keeps the cluster id in a varchar(150) column; ids are also shown in logs and URLs.</summary>
    public const int MaxIdLength = 150;

    /// <summary>How often a node reads the log for what other nodes committed (see RealtimeBridge's remote part).</summary>
    public static readonly TimeSpan DefaultTailInterval = TimeSpan.FromMilliseconds(200);

    public static ClusterSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var orleans = configuration.GetSection("Orleans");
        var enabled = ReadBool(section, "Enabled", false);
        var settings = new ClusterSettings(
            enabled,
            ReadId(section, "ClusterId"),
            ReadId(section, "ServiceId"),
            ReadAddress(section),
            ReadPort(section, "SiloPort", ReadPort(orleans, "SiloPort", 11111)),
            ReadPort(section, "GatewayPort", ReadPort(orleans, "GatewayPort", 30000)),
            ReadInterval(section),
            ReadBool(section, "Kubernetes", false));
        if (enabled && StorageOptions.FromConfiguration(configuration).Provider == StorageProvider.Sqlite)
            throw new InvalidOperationException(
                "Cluster:Enabled needs a database every node shares: set Storage:Provider to PostgreSql or SqlServer (with "
                + "Storage:ConnectionString). SQLite is one node's file.");
        return settings;
    }

    /// <summary>The ADO.NET invariant Orleans loads its provider by, for the storage provider the cluster shares.</summary>
    public static string InvariantOf(StorageProvider provider) => provider switch
    {
        StorageProvider.PostgreSql => "Npgsql",
        StorageProvider.SqlServer => "Microsoft.Data.SqlClient",
        _ => throw new InvalidOperationException($"Storage provider {provider} cannot hold a cluster's membership."),
    };

    private static string ReadId(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return DefaultId;
        if (text.Length > MaxIdLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new InvalidOperationException(
                $"Cluster:{key} must be 1 to {MaxIdLength} letters, digits, '-', '_' or '.' (got {text.Length} characters).");
        return text;
    }

    private static IPAddress ReadAddress(IConfigurationSection section)
    {
        var text = section["AdvertisedAddress"];
        if (string.IsNullOrWhiteSpace(text)) return IPAddress.Loopback;
        return IPAddress.TryParse(text, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            ? address
            : throw new InvalidOperationException(
                "Cluster:AdvertisedAddress must be the IP address other nodes reach this one at (not a host name, not 0.0.0.0).");
    }

    private static int ReadPort(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{section.Path}:{key} '{Bounded(text)}' is not a port (1 to 65535).");
    }

    private static TimeSpan ReadInterval(IConfigurationSection section)
    {
        var text = section["TailInterval"];
        if (string.IsNullOrWhiteSpace(text)) return DefaultTailInterval;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval)
               && interval >= TimeSpan.FromMilliseconds(10) && interval <= TimeSpan.FromSeconds(10)
            ? interval
            : throw new InvalidOperationException($"Cluster:TailInterval '{Bounded(text)}' must be a time from 00:00:00.010 to 00:00:10.");
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return bool.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Cluster:{key} '{Bounded(text)}' is not true or false.");
    }

    /// <summary>A configured value quoted back in an error, cut so that a pasted secret or file never fills the message.</summary>
    private static string Bounded(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
