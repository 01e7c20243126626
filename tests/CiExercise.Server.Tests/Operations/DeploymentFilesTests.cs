using System.Net;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CiExercise.Server.Tests.Operations;

/// <summary>
/// The compose files and the Kubernetes manifests cannot run here; what they must agree on is checked instead: each
/// node advertises its own address, the proxy's upstream is the nodes, the pods carry the labels Orleans' Kubernetes
/// hosting looks for and may read the pods, the probes ask the port and paths the image serves.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Checkout = Repository.Root;
    private static readonly string Compose = Path.Combine(Checkout, "infra", "compose");
    private static readonly string Kubernetes = Path.Combine(Checkout, "infra", "kubernetes");

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("compose.sqlserver.yaml")]
    public void Each_compose_node_advertises_its_own_address_on_the_cluster_network(string file)
    {
        var services = Map(Load(Path.Combine(Compose, file)), "services");
        var nodes = Nodes(services);
        Assert.Equal(["node1", "node2", "node3"], nodes.Keys.Order());
        var subnet = Text(Map(List(Map(Load(Path.Combine(Compose, file)), "networks", "cluster", "ipam"), "config")[0]!), "subnet");
        foreach (var (name, node) in nodes)
        {
            var advertised = Text(Map(node, "environment"), "Cluster__AdvertisedAddress");
            Assert.Equal(advertised, Text(Map(node, "networks", "cluster"), "ipv4_address"));
            Assert.True(IPNetwork.Parse(subnet).Contains(IPAddress.Parse(advertised)), $"{name}: {advertised} is outside {subnet}");
            Assert.True(Map(node, "environment").ContainsKey("Storage__ConnectionString"), $"{name} has no database");
        }
        Assert.Equal(3, nodes.Values.Select(n => Text(Map(n, "environment"), "Cluster__AdvertisedAddress")).Distinct().Count());
        // One node makes the sample exercise, so that three starting together do not race for it.
        Assert.Single(nodes.Values, n => Map(n, "environment").TryGetValue("Samples__CreateOnEmpty", out var v) && (string)v! == "true");

        var template = Map(Map(Load(Path.Combine(Compose, "node.yaml")), "services"), "node");
        Assert.True(File.Exists(Path.Combine(Compose, Text(Map(template, "build"), "context"), "Dockerfile")));
        Assert.Equal("true", Text(Map(template, "environment"), "Cluster__Enabled"));
    }

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("compose.sqlserver.yaml")]
    public void The_compose_proxy_sends_to_the_nodes_with_the_repositorys_nginx_configuration(string file)
    {
        var services = Map(Load(Path.Combine(Compose, file)), "services");
        var mount = List(Map(services, "proxy"), "volumes").Cast<string>().Single();
        var source = Path.GetFullPath(Path.Combine(Compose, mount.Split(':')[0]));
        Assert.Equal(Path.Combine(Checkout, "infra", "nginx", "ciexercise.conf"), source);
        if (!File.Exists(source)) Assert.Skip($"{source} (the proxy configuration of the fault tests) is not in this checkout yet.");

        var configuration = File.ReadAllText(source);
        var upstream = UpstreamServer().Matches(configuration).Select(m => m.Groups["host"].Value).Order();
        Assert.Equal(Nodes(services).Keys.Order(), upstream);
        var listen = Listen().Match(configuration).Groups["port"].Value;
        Assert.Equal($"{listen}:{listen}", List(Map(services, "proxy"), "ports").Cast<string>().Single());
    }

    [Fact]
    public void The_pods_carry_what_Orleans_Kubernetes_hosting_needs()
    {
        var deployment = Documents("deployment.yaml").Single(d => Text(d, "kind") == "Deployment");
        var pod = Map(deployment, "spec", "template");
        var labels = Map(pod, "metadata", "labels");
        var container = Map(List(Map(pod, "spec"), "containers").Single()!);
        var env = List(container, "env").Select(e => Map(e!)).ToDictionary(e => Text(e, "name"));

        Assert.Equal("true", Text(env["Cluster__Enabled"], "value"));
        Assert.Equal("true", Text(env["Cluster__Kubernetes"], "value"));
        Assert.Equal(Text(env["Cluster__ClusterId"], "value"), Text(labels, "orleans/clusterId"));
        Assert.Equal(Text(env["Cluster__ServiceId"], "value"), Text(labels, "orleans/serviceId"));
        foreach (var (name, field) in new[] { ("Cluster__AdvertisedAddress", "status.podIP"), ("POD_IP", "status.podIP"), ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace") })
            Assert.Equal(field, Text(Map(env[name], "valueFrom", "fieldRef"), "fieldPath"));

        // The probes ask the image's port (its Urls) for readiness and liveness.
        var image = ContainerImage.Parse(File.ReadAllText(Path.Combine(Checkout, "Dockerfile")));
        var port = List(container, "ports").Select(p => Map(p!)).Single(p => Text(p, "name") == "http");
        Assert.EndsWith($":{Text(port, "containerPort")}", image.Environment["Urls"], StringComparison.Ordinal);
        Assert.Equal("/health/ready", Text(Map(container, "readinessProbe", "httpGet"), "path"));
        Assert.Equal("/health/ready", Text(Map(container, "startupProbe", "httpGet"), "path"));
        Assert.Equal("/health/live", Text(Map(container, "livenessProbe", "httpGet"), "path"));

        // Its service account may read the pods and delete a dead silo's.
        var rbac = Documents("rbac.yaml");
        Assert.Equal(Text(Map(pod, "spec"), "serviceAccountName"), Text(Map(rbac.Single(d => Text(d, "kind") == "ServiceAccount"), "metadata"), "name"));
        var rule = Map(List(rbac.Single(d => Text(d, "kind") == "Role"), "rules").Single()!);
        Assert.Equal(["pods"], List(rule, "resources").Cast<string>());
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete" }, List(rule, "verbs").Cast<string>().ToHashSet());

        // kubectl apply -k takes every manifest of the folder.
        var resources = List(Load(Path.Combine(Kubernetes, "kustomization.yaml")), "resources").Cast<string>().Order();
        Assert.Equal(Directory.GetFiles(Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(), resources);
    }

    private static Dictionary<string, Dictionary<object, object?>> Nodes(Dictionary<object, object?> services) =>
        services.Where(s => s.Value is Dictionary<object, object?> service && service.ContainsKey("extends"))
            .ToDictionary(s => (string)s.Key, s => (Dictionary<object, object?>)s.Value!);

    private static Dictionary<object, object?> Load(string path) => Parse(File.ReadAllText(path)).Single();

    private static List<Dictionary<object, object?>> Documents(string file) => Parse(File.ReadAllText(Path.Combine(Kubernetes, file)));

    /// <summary>Every document of a YAML file, anchors and merge keys (&lt;&lt;) resolved.</summary>
    private static List<Dictionary<object, object?>> Parse(string yaml)
    {
        var parser = new MergingParser(new Parser(new StringReader(yaml)));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object?>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
            documents.Add(deserializer.Deserialize<Dictionary<object, object?>>(parser));
        return documents;
    }

    private static Dictionary<object, object?> Map(object node, params string[] path)
    {
        foreach (var key in path) node = ((Dictionary<object, object?>)node)[key]!;
        return (Dictionary<object, object?>)node;
    }

    private static List<object?> List(Dictionary<object, object?> node, string key) => (List<object?>)node[key]!;

    private static string Text(Dictionary<object, object?> node, string key) => Convert.ToString(node[key], System.Globalization.CultureInfo.InvariantCulture)!;

    [GeneratedRegex(@"^\s*server\s+(?<host>[\w.-]+):8080\b", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^\s*listen\s+(?<port>\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Listen();
}
