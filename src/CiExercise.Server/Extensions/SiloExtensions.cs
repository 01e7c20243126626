namespace CiExercise.Server.Extensions;

public static class SiloExtensions
{
    /// <summary>
    /// The embedded default: one silo in this process on localhost clustering. The ports come from the
    /// "Orleans" section so that several servers (or functional tests) can run side by side.
    /// </summary>
    public static void AddCiExerciseSilo(this WebApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        var siloPort = orleans.GetValue("SiloPort", 11111);
        var gatewayPort = orleans.GetValue("GatewayPort", 30000);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort).UseCiExerciseKubernetes(builder.Configuration));
    }
}
