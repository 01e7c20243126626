namespace CiExercise.Contracts.Exercises;

/// <summary>
/// HSEEP performance ratings: P performed without challenges, S with some challenges,
/// M with major challenges, U unable to be performed.
/// </summary>
public enum HseepRating
{
    P,
    S,
    M,
    U,
}
