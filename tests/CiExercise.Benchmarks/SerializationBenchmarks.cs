using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;
using CiExercise.Storage.Ceiling;

namespace CiExercise.Benchmarks;

/// <summary>
/// One all-hands inject on its way out: payloads written as the grains write them, rows turned into the
/// LiveEvent a console receives, and those written as JSON as the hub sends them.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private const int Organizations = 850;

    private ExerciseEvent[] _events = [];
    private LiveEvent[] _live = [];

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        _events = SampleEvents.AllHands("i01-startex", Organizations, now).Select((e, i) => e.Recorded("national", i + 2)).ToArray();
        _live = _events.Select(e => LiveEvent.From(e)).ToArray();
    }

    [Benchmark]
    public int DeliveredPayloads()
    {
        var length = 0;
        for (var i = 0; i < Organizations; i++)
        {
            length += ScenarioJson.Serialize(new InjectDeliveredPayload(
                ["ciso", "staff"], Channel.SystemAlert, TimeSpan.FromHours(1), ["isolate", "continue"], false, TimeSpan.Zero)).Length;
        }

        return length;
    }

    [Benchmark]
    public LiveEvent[] LiveEvents() => _events.Select(e => LiveEvent.From(e)).ToArray();

    [Benchmark]
    public long LiveEventJson()
    {
        long length = 0;
        foreach (var e in _live)
        {
            length += JsonSerializer.SerializeToUtf8Bytes(e, ScenarioJson.Options).Length;
        }

        return length;
    }
}
