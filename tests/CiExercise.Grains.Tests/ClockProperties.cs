using CiExercise.Grains.Clock;
using CsCheck;

namespace CiExercise.Grains.Tests;

/// <summary>Invariant 4: scenario time is a function of the recorded clock events and wall time.</summary>
public sealed class ClockProperties
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private enum Op { Pause, Resume, Speed, Jump, Observe }

    private sealed record Step(Op Op, long WallDeltaMs, double Speed, long JumpMs);

    private static readonly Gen<Step> StepGen =
        Gen.Select(
            Gen.Enum<Op>(),
            Gen.Frequency((4, Gen.Long[0, 120_000]), (1, Gen.Const(0L))),
            Gen.Double[ExerciseClock.MinSpeed, ExerciseClock.MaxSpeed],
            Gen.Long[0, 36_000_000],
            (op, delta, speed, jump) => new Step(op, delta, speed, jump));

    [Fact]
    public void Scenario_time_never_goes_backwards_and_stands_while_paused()
    {
        StepGen.Array[1, 60].Sample(steps =>
        {
            var clock = new ExerciseClock();
            var wall = Origin;
            clock.Start(wall);
            var last = clock.ScenarioAt(wall);
            foreach (var step in steps)
            {
                wall += TimeSpan.FromMilliseconds(step.WallDeltaMs);
                var wasRunning = clock.Running;
                var before = clock.ScenarioAt(wall);
                switch (step.Op)
                {
                    case Op.Pause when clock.Running: clock.Pause(wall); break;
                    case Op.Resume when !clock.Running: clock.Resume(wall); break;
                    case Op.Speed: clock.SetSpeed(wall, step.Speed); break;
                    case Op.Jump: clock.JumpTo(wall, TimeSpan.FromMilliseconds(step.JumpMs)); break;
                }
                var now = clock.ScenarioAt(wall);
                if (now < last || now < before) return false;
                if (!wasRunning && step.Op is not Op.Jump && before != last) return false;
                if (!clock.Running && clock.ScenarioAt(wall + TimeSpan.FromHours(5)) != now) return false;
                last = now;
            }
            return true;
        });
    }

    [Fact]
    public void The_moment_a_scenario_time_was_reached_is_consistent_with_the_clock()
    {
        StepGen.Array[1, 40].Select(Gen.Long[0, 7_200_000]).Sample((steps, targetMs) =>
        {
            var clock = new ExerciseClock();
            var wall = Origin;
            clock.Start(wall);
            foreach (var step in steps)
            {
                wall += TimeSpan.FromMilliseconds(step.WallDeltaMs);
                switch (step.Op)
                {
                    case Op.Pause when clock.Running: clock.Pause(wall); break;
                    case Op.Resume when !clock.Running: clock.Resume(wall); break;
                    case Op.Speed: clock.SetSpeed(wall, step.Speed); break;
                }
            }
            var target = TimeSpan.FromMilliseconds(targetMs);
            var reached = clock.ReachedAt(target, wall);
            if (clock.ScenarioAt(wall) < target) return reached is null;
            // At the moment it was reached, the clock showed the target (to the tick), and not before.
            return reached is { } at
                   && clock.ScenarioAt(at) >= target
                   && (at == Origin || clock.ScenarioAt(at - TimeSpan.FromMilliseconds(1)) < target);
        });
    }

    [Fact]
    public void An_event_stamped_before_the_previous_one_takes_effect_at_the_previous_one()
    {
        var clock = new ExerciseClock();
        clock.Start(Origin);
        clock.Pause(Origin.AddMinutes(10));
        // Another node's wall clock is a minute behind: the resume cannot reach into the pause.
        clock.Resume(Origin.AddMinutes(9));
        Assert.Equal(TimeSpan.FromMinutes(10), clock.ScenarioAt(Origin.AddMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(11), clock.ScenarioAt(Origin.AddMinutes(11)));
        clock.JumpTo(Origin.AddMinutes(5), TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(11), clock.ScenarioAt(Origin.AddMinutes(11)));
    }

    [Fact]
    public void Speed_compresses_story_time()
    {
        var clock = new ExerciseClock();
        clock.SetSpeed(Origin, 60);
        clock.Start(Origin);
        Assert.Equal(TimeSpan.FromHours(1), clock.ScenarioAt(Origin.AddMinutes(1)));
        clock.Pause(Origin.AddMinutes(1));
        Assert.Equal(TimeSpan.FromHours(1), clock.ScenarioAt(Origin.AddMinutes(30)));
        clock.Resume(Origin.AddMinutes(30));
        Assert.Equal(TimeSpan.FromHours(2), clock.ScenarioAt(Origin.AddMinutes(31)));
        Assert.Equal(Origin.AddMinutes(32), clock.ExpectedAt(TimeSpan.FromHours(3), Origin.AddMinutes(31)));
        Assert.Equal(Origin.AddSeconds(30), clock.ReachedAt(TimeSpan.FromMinutes(30), Origin.AddMinutes(31)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.09)]
    [InlineData(3600.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Speeds_outside_the_range_are_refused(double speed)
    {
        Assert.False(ExerciseClock.IsValidSpeed(speed));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExerciseClock().SetSpeed(Origin, speed));
    }
}
