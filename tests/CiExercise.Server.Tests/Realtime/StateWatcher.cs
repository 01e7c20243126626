using CiExercise.Client;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>Awaits a connection state the client library reports.</summary>
internal static class StateWatcher
{
    public static async Task WaitForAsync(ExerciseConnection connection, ExerciseConnectionState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(ExerciseConnectionState s)
        {
            if (s == state) reached.TrySetResult();
        }

        connection.StateChanged += OnChange;
        try
        {
            if (connection.State == state) return;
            await reached.Task.WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        }
        finally
        {
            connection.StateChanged -= OnChange;
        }
    }
}
