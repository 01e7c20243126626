using CiExercise.Server.Cluster;
using CiExercise.Storage;
using Orleans.Configuration;

namespace CiExercise.Server.Extensions;

public static class SiloExtensions
{
    /// <summary>
    /// The silo in this process. By default the embedded single node on localhost clustering; the ports come from
    /// the "Orleans" section so that several servers (or functional tests) can run side by side. With
    /// Cluster:Enabled, the silo joins the others through Orleans' ADO.NET membership on the storage database
    /// (migration 0009 holds its tables), listening on and advertising Cluster:AdvertisedAddress, so that several
    /// nodes form one cluster: a grain lives on one of them and every node reaches it.
    /// </summary>
    public static void AddCiExerciseSilo(this WebApplicationBuilder builder)
    {
        var cluster = ClusterSettings.From(builder.Configuration);
        builder.Services.AddSingleton(cluster);
        builder.UseOrleans(silo =>
        {
            if (!cluster.Enabled)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
                return;
            }

            var storage = StorageOptions.FromConfiguration(builder.Configuration);
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort);
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = ClusterSettings.InvariantOf(storage.Provider);
                options.ConnectionString = storage.ConnectionString;
            });
            // Orleans' failure detection (probe timeouts, votes) for operators who must trade speed against false alarms.
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Cluster:Membership"));
        });
    }
}
