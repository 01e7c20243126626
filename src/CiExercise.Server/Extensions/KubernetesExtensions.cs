using Orleans.Hosting.Kubernetes;

namespace CiExercise.Server.Extensions;

public static class KubernetesExtensions
{
    /// <summary>
    /// Cluster:Kubernetes = true: Orleans' Kubernetes hosting. Each silo is named after its pod, and two of them
    /// watch the cluster's pods (labels orleans/clusterId and orleans/serviceId), so a pod that is gone is declared
    /// dead at once instead of after missed probes. It runs beside the membership on the database, which it does not
    /// replace: Cluster:Enabled must be true. The pod needs a service account that may get, list, watch and delete
    /// pods in its namespace, and Cluster:AdvertisedAddress set to its IP (infra/kubernetes does both).
    /// </summary>
    public static ISiloBuilder UseCiExerciseKubernetes(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (!configuration.GetValue("Cluster:Kubernetes", false)) return silo;
        if (!configuration.GetValue("Cluster:Enabled", false))
            throw new InvalidOperationException(
                "Cluster:Kubernetes is true but Cluster:Enabled is not. Orleans' Kubernetes hosting watches the pods of a cluster whose membership "
                + "is on the database: set Cluster:Enabled=true (with Storage:Provider PostgreSql or SqlServer), or Cluster:Kubernetes=false.");
        // Silos that left defunct are deleted as pods too, so a deployment replaces a silo the cluster declared dead.
        return silo.UseKubernetesHosting(options => options.Configure(kubernetes => kubernetes.DeleteDefunctSiloPods = true));
    }
}
