using System.Diagnostics;
using System.Text;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>Finds and runs programs of the machine and of this repository (the server and the sample, as their own processes).</summary>
internal static class ExternalTool
{
    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The repository's root (the folder with AlbBuilder.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A built dll of this repository, from the same configuration as the tests (Debug or Release).</summary>
    public static string BuiltDll(string projectDirectory, string assemblyName)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var dll = Path.Combine(RepositoryRoot, projectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is not built (the test project references it, so `dotnet build` builds it).");
        return dll;
    }

    /// <summary>Creates a start description with plain output and no AWS settings of the user's (fake credentials only).</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN", "AWS_DEFAULT_PROFILE" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["AWS_CONFIG_FILE"] = Path.Combine(Path.GetTempPath(), "albbuilder-no-aws-config");
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "albbuilder-no-aws-credentials");
        info.Environment["AWS_ACCESS_KEY_ID"] = LocalCloud.AccessKeyId;
        info.Environment["AWS_SECRET_ACCESS_KEY"] = LocalCloud.SecretAccessKey;
        info.Environment["AWS_REGION"] = "us-east-1";
        info.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs a program to its end (killed after <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"timed out after {timeout}:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs the console sample (its built dll) with the given arguments.</summary>
    public static Task<(int ExitCode, string Output)> RunSampleAsync(params string[] arguments) =>
        RunAsync(StartInfo("dotnet", [BuiltDll("samples/ConsoleSample", "ConsoleSample"), .. arguments]), TimeSpan.FromMinutes(2));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlbBuilder.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AlbBuilder.sln not found above " + AppContext.BaseDirectory);
    }
}
