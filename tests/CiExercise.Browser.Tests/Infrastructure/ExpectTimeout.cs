namespace CiExercise.Browser.Tests.Infrastructure;

/// <summary>
/// How long a Playwright expectation waits for what it expects. Playwright keeps one value per process, not per
/// class, so every class sets this same one: a class with a shorter wait would cut the others' short on a busy
/// machine, whichever test class happened to load last. An expectation returns as soon as it holds.
/// </summary>
public static class ExpectTimeout
{
    public const float Milliseconds = 60_000;
}
