using CiExercise.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace CiExercise.Server.Tests.Access;

public sealed class RemoteBindingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080;https://[::1]:5443")]
    public void Loopback_addresses_need_no_permission(string urls) => RemoteBinding.Check(Configuration(urls));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://127.0.0.1:5080;http://*:8080")]
    [InlineData("http://+:5080")]
    [InlineData("http://exercise.example.test:5080")]
    public void Other_addresses_are_refused_unless_allowed(string urls)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RemoteBinding.Check(Configuration(urls)));

        Assert.Contains("Network:AllowRemote", error.Message);
        RemoteBinding.Check(Configuration(urls, ("Network:AllowRemote", "true")));
    }

    [Fact]
    public void Kestrel_endpoints_are_checked_too()
    {
        var configuration = Configuration("http://127.0.0.1:5080", ("Kestrel:Endpoints:Public:Url", "https://0.0.0.0:443"));

        Assert.Contains("0.0.0.0", Assert.Throws<InvalidOperationException>(() => RemoteBinding.Check(configuration)).Message);
    }

    private static IConfiguration Configuration(string urls, params (string Key, string Value)[] more) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["urls"] = urls }.Concat(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value)))).Build();
}
