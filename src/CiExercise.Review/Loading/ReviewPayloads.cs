using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Loading;

/// <summary>Payloads are read in the one JSON shape the grains wrote them in.</summary>
internal static class ReviewPayloads
{
    public static T Read<T>(ExerciseEvent e) => ScenarioJson.Deserialize<T>(e.Payload);
}
