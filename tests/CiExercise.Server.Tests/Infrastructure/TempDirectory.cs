using Microsoft.Data.Sqlite;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>A fresh folder for one test class's database, removed afterwards (with the PostgreSQL databases of servers on it).</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ciex-server-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        // Pooled connections keep the database file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        TestStorage.DropUnderAsync(Path).GetAwaiter().GetResult();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Another class's server may still hold a pooled handle; the OS temp folder is cleaned anyway.
        }
    }
}
