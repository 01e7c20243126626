using System.Net;
using System.Text;
using CiExercise.Server.Throttling;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Limits;

/// <summary>
/// Scenario validations take turns: one runs (the fixture's limit), one waits, the next is refused at once,
/// and the server answers its readiness check meanwhile. The uploads are held open by the test, so the
/// turns are taken for as long as it likes, on any machine.
/// </summary>
public sealed class ScenarioValidationLimitTests(SmallLimitsFixture server) : IClassFixture<SmallLimitsFixture>
{
    [Fact]
    public async Task Uploads_beyond_the_running_and_waiting_ones_are_refused_and_the_server_stays_ready()
    {
        var gate = server.Factory.Services.GetRequiredService<ScenarioValidationGate>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = ValidateAsync(new HeldBody(release.Task));
        var waiting = ValidateAsync(new HeldBody(release.Task));
        await Eventually.WaitAsync(() => Task.FromResult(gate.Load), load => load == (1, 1), "one validation runs and one waits");

        using var refused = await ValidateAsync(new HeldBody(Task.CompletedTask));
        using var ready = await server.Factory.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        release.SetResult();
        using var first = await running;
        using var second = await waiting;

        var problem = await ProblemAssert.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(LimitRefusals.ScenarioValidations, problem.Code);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((0, 0), gate.Load);
    }

    /// <summary>
    /// Each upload from its own controller, so that the per-token rate does not count them together, through
    /// the test server's own handler: the factory's client buffers a request body (to replay it on a redirect).
    /// </summary>
    private async Task<HttpResponseMessage> ValidateAsync(HttpContent body)
    {
        var controller = await server.Factory.SignInAsync(TestPrincipals.ControllerOfAll);
        using var http = server.Factory.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = controller.Http.DefaultRequestHeaders.Authorization;
        body.Headers.ContentType = new("text/yaml");
        return await http.PostAsync("/api/scenarios/validate", body, TestContext.Current.CancellationToken);
    }

    /// <summary>A scenario upload whose end the test decides: the first line at once, the rest when released.</summary>
    private sealed class HeldBody(Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("id: held\n"));
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync(Encoding.UTF8.GetBytes("name: Held upload\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
