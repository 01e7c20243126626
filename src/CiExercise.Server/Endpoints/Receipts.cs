using CiExercise.Contracts.Exercises;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>How an action's receipt is answered: 201 pointing at its row, marked as a replay when the key had been recorded.</summary>
internal static class Receipts
{
    public static Created<ActionReceipt> Created(HttpContext context, string exerciseId, ActionReceipt receipt) =>
        TypedResults.Created($"/api/exercises/{exerciseId}/events?after={receipt.Seq - 1}&limit=1",
            IdempotencyKeys.Answered(context, receipt, receipt.Duplicate));
}
