using CiExercise.Server.Identity;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>The principals tests sign in as.</summary>
public static class TestPrincipals
{
    public static ExercisePrincipal ControllerOfAll { get; } = new(PrincipalKind.Controller, null, null, null, "Control cell", null);

    public static ExercisePrincipal Controller(string exerciseId) => new(PrincipalKind.Controller, exerciseId, null, null, "Controller", null);

    public static ExercisePrincipal Participant(string exerciseId, string org, string role, string name = "Sato") =>
        new(PrincipalKind.Participant, exerciseId, org, role, name, null);

    public static ExercisePrincipal Evaluator(string exerciseId) => new(PrincipalKind.Evaluator, exerciseId, null, null, "Evaluator", null);

    public static ExercisePrincipal Observer(string exerciseId) => new(PrincipalKind.Observer, exerciseId, null, null, "Observer", null);
}
