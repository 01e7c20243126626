using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Exercises;

// Issue 9 in progress: the voices helper replaces this file (the news and social feed).
public sealed partial class ExerciseGrain
{
    public Task<ActionReceipt> PublishPost(Actor actor, FeedPost post, string? clientActionId) => throw new NotSupportedException();
}
