namespace CiExercise.Server.Identity;

public enum PrincipalKind
{
    Controller,
    Participant,
    Evaluator,
    Observer,
}
