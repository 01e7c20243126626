namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>One server per test class (a class fixture), on its own database; Api is signed in as a controller of every exercise.</summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public ServerFactory Factory { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Before the server starts (for example to listen on a real port).</summary>
    protected virtual void Configure(ServerFactory factory)
    {
    }

    public async ValueTask InitializeAsync()
    {
        Factory = new ServerFactory(_directory.Path, Settings);
        Configure(Factory);
        Api = await Factory.SignInAsync(TestPrincipals.ControllerOfAll);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Factory.DisposeAsync();
        }
        finally
        {
            // Also when the server failed to stop: its folder (and its PostgreSQL database) go all the same.
            _directory.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
