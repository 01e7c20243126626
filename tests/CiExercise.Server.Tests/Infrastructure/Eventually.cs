namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>Waiting for something the server does on its own: poll the API until it shows, or fail.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? ApiClient.DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (condition(value)) return value;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
        }
    }
}
