using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Writing;

internal static class ServiceWriter
{
    public static void Service(YamlOut output, Service service) => output.Map(() =>
    {
        output.Entry("id", service.Id);
        output.Text("name", service.Name);
        output.Entry("organization", service.OrganizationId);
        output.Duration("recovery", service.RecoveryTime);
        if (service.DependsOn.Count > 0)
        {
            output.Entry("depends-on", () => Dependencies(output, service.DependsOn));
        }
    });

    public static void Dependencies(YamlOut output, IReadOnlyList<ServiceDependency> dependencies) =>
        output.List(dependencies, d => output.Map(() =>
        {
            output.Entry("service", d.ServiceId);
            output.Duration("tolerance", d.Tolerance);
        }, flow: true));

    public static void Effects(YamlOut output, IReadOnlyList<ServiceEffect> effects) =>
        output.List(effects, e => output.Map(() =>
        {
            output.Entry("service", e.ServiceId);
            output.Entry("to", (ServiceStatus?)e.To);
        }, flow: true));
}
