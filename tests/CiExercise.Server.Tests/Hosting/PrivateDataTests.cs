using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiExercise.Server.Tests.Hosting;

/// <summary>
/// What the server creates in its data directory is its user's alone, and the first controller's link
/// (a controller of everything) reaches neither the log nor a redirected console: only a private file,
/// and a terminal.
/// </summary>
public sealed class PrivateDataTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    // A folder the server has to create, unlike the temporary one the test made.
    private string DataDirectory => Path.Combine(_directory.Path, "data");

    [Fact]
    public async Task The_data_directory_database_key_and_first_link_are_readable_by_the_server_user_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using var factory = new ServerFactory(DataDirectory);
        var link = await StartAndReadLinkAsync(factory);

        Assert.Equal(PrivateFiles.DirectoryMode, ModeOf(DataDirectory));
        // The SQLite file is in the data directory; a PostgreSQL database is the database server's to protect.
        var database = TestStorage.Provider == StorageProvider.Sqlite ? new[] { StorageOptions.DefaultDatabaseFile } : [];
        var files = database.Concat([SigningKey.FileName, FirstControllerLink.FileName])
            .Select(f => Path.Combine(DataDirectory, f))
            .Concat(Directory.GetFiles(DataDirectory, StorageOptions.DefaultDatabaseFile + "-*"));
        Assert.All(files, file => Assert.True(PrivateFiles.FileMode == ModeOf(file), $"{file}: {ModeOf(file)}"));
        Assert.Matches(@"^http\S+/join#\S+$", link);
    }

    [Fact]
    public async Task A_redirected_console_is_told_where_the_link_is_and_the_log_never_sees_it()
    {
        await using var factory = new ServerFactory(DataDirectory);
        var link = await StartAndReadLinkAsync(factory);

        Assert.Contains(FirstControllerLink.PathIn(DataDirectory), factory.ConsoleText);
        Assert.DoesNotContain(Token(link), factory.ConsoleText, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Events, e => e.RenderMessage().Contains(Token(link), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_terminal_is_shown_the_link_itself()
    {
        var terminal = new StringWriter();
        await using var factory = new ServerFactory(DataDirectory, configureServices: services =>
            services.Replace(ServiceDescriptor.Singleton(new ConsoleNotice(TextWriter.Synchronized(terminal), isTerminal: true))));
        var link = await StartAndReadLinkAsync(factory);

        Assert.Contains($"Sign in as the first controller: {link}", terminal.ToString());
    }

    private static async Task<string> StartAndReadLinkAsync(ServerFactory factory)
    {
        _ = factory.Services;
        return (await File.ReadAllTextAsync(FirstControllerLink.PathIn(factory.DataDirectory), TestContext.Current.CancellationToken)).Trim();
    }

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    private static string Token(string link) => link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..];

    public void Dispose() => _directory.Dispose();
}
