namespace CiExercise.Storage.EventLog;

/// <summary>
/// Counters of the group-commit writer since the log was opened. Transactions well below Requests under
/// load is the grouping working; Retried counts groups that failed and were redone one request at a time.
/// </summary>
public sealed record EventLogStatistics(long Requests, long Transactions, long Rows, long FailedRequests, long RetriedGroups);
