using CiExercise.Server.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;

namespace CiExercise.Server.Tests.Operations;

/// <summary>Cluster:Kubernetes turns Orleans' Kubernetes hosting on (it cannot run outside a cluster, so what is registered is checked).</summary>
public sealed class KubernetesTests
{
    [Fact]
    public void The_setting_adds_Orleans_Kubernetes_hosting_to_the_silo()
    {
        Assert.True(KubernetesServices(new() { ["Cluster:Enabled"] = "true", ["Cluster:Kubernetes"] = "true" }) > 0);
        Assert.Equal(0, KubernetesServices(new() { ["Cluster:Enabled"] = "true" }));
        Assert.Equal(0, KubernetesServices([]));
    }

    [Fact]
    public void Without_the_database_cluster_it_is_refused_with_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KubernetesServices(new() { ["Cluster:Kubernetes"] = "true" }));
        Assert.Contains("Cluster:Enabled", error.Message, StringComparison.Ordinal);
    }

    /// <summary>How many configurations of Orleans' Kubernetes hosting a silo configured with these settings has.</summary>
    private static int KubernetesServices(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        builder.UseOrleans(silo => silo.UseLocalhostClustering().UseCiExerciseKubernetes(configuration));
        return builder.Services.Count(d => d.ServiceType == typeof(IConfigureOptions<KubernetesHostingOptions>));
    }
}
