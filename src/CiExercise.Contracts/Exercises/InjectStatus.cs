namespace CiExercise.Contracts.Exercises;

public enum InjectStatus
{
    Pending,
    Fired,

    /// <summary>A conditional inject waiting for its condition (see InjectState.Hold for why).</summary>
    Held,

    /// <summary>Released by its condition or a controller; fires at InjectState.Hold.DueAt.</summary>
    Released,

    /// <summary>Cancelled: its unless-condition held, its deadline passed, or a controller cancelled it. It never fires.</summary>
    Cancelled,
}
