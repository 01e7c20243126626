using BenchmarkDotNet.Attributes;
using CiExercise.Grains.Clock;

namespace CiExercise.Benchmarks;

/// <summary>
/// The clock as a fold of its events: rebuilding it from a long exercise's history (many pauses and speed
/// changes), then what the timeline asks of it for every inject (scenario now, when each was due).
/// </summary>
[MemoryDiagnoser]
public class ClockBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);

    private ExerciseClock _clock = null!;
    private DateTimeOffset _now;

    [Params(10, 400)]
    public int ClockEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clock = Fold();
        _now = Start.AddMinutes(ClockEvents + 1);
    }

    [Benchmark]
    public ExerciseClock Rebuild() => Fold();

    [Benchmark]
    public TimeSpan ScenarioNow() => _clock.ScenarioAt(_now);

    /// <summary>The due moment of 100 injects spread over eight hours of scenario time.</summary>
    [Benchmark]
    public int DueMoments()
    {
        var reached = 0;
        for (var i = 0; i < 100; i++)
        {
            if (_clock.ReachedAt(TimeSpan.FromMinutes(i * 4.8), _now) is not null) reached++;
        }

        return reached;
    }

    private ExerciseClock Fold()
    {
        var clock = new ExerciseClock();
        clock.SetSpeed(Start, 60);
        clock.Start(Start);
        for (var i = 1; i < ClockEvents; i++)
        {
            var wall = Start.AddMinutes(i);
            switch (i % 3)
            {
                case 0: clock.Pause(wall); break;
                case 1: clock.Resume(wall); break;
                default: clock.SetSpeed(wall, 30 + i % 90); break;
            }
        }

        return clock;
    }
}
