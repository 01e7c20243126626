using System.Data.Common;
using CiExercise.Contracts.Ports;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CiExercise.Storage;

/// <summary>
/// Tells a database that is away (stopped, restarting, unreachable, out of connections or locked for a moment)
/// from a statement that is wrong: the first is worth sending again and is answered 503 storage.unavailable,
/// the second stays a server error. Every dialect's driver is judged here, in one place.
/// </summary>
public static class StorageFailures
{
    /// <summary>SQL Server errors of a connection that failed or a server that is starting, moving or busy.</summary>
    private static readonly HashSet<int> SqlServerUnavailable =
        [-2, 2, 53, 64, 233, 1205, 4060, 10053, 10054, 10060, 10061, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>SQLite: busy, locked, an I/O error, cannot open, full.</summary>
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 13, 14];

    /// <summary>True when exception, or one it wraps, says the database is unavailable rather than the request wrong.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable)) return true;
            if (IsUnavailableDriverError(e)) return true;
        }
        return false;
    }

    /// <summary>The exception to answer with: itself when the database is fine, else a <see cref="StorageUnavailableException"/>.</summary>
    public static Exception Classify(Exception exception) =>
        exception is StorageUnavailableException || !IsUnavailable(exception) ? exception : StorageUnavailableException.From(exception);

    private static bool IsUnavailableDriverError(Exception e) => e switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(error => SqlServerUnavailable.Contains(error.Number)),
        SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
        // PostgreSQL and any other driver: the standard SQLSTATE classes of a lost connection (08), too little of
        // something (53), an operator's intervention such as a shutdown (57P), or the driver's own judgement.
        DbException db => db.IsTransient || db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)),
        // A socket error or a timeout counts only inside a driver's exception (which the cases above judge): alone it
        // may be Orleans' own (a grain call to a node that died), which is not the database being away.
        _ => false,
    };
}
