using System.Diagnostics;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>The <c>localcloud</c> server as its own process: its endpoint from the printed lines, its log, SIGTERM to stop it.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Exited += (_, _) => _exited.TrySetResult();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Gets the control-plane endpoint the server printed (AWS_ENDPOINT_URL).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets everything printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts the server on a free port and waits for its AWS_ENDPOINT_URL line.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] arguments)
    {
        var dll = ExternalTool.BuiltDll("src/AlbBuilder.LocalCloud.Server", "AlbBuilder.LocalCloud.Server");
        var process = Process.Start(ExternalTool.StartInfo("dotnet", [dll, "--port", "0", .. arguments]))
            ?? throw new InvalidOperationException("Could not start the server.");
        var server = new ServerProcess(process);
        var line = await server.WaitForLineAsync(l => l.StartsWith("AWS_ENDPOINT_URL=", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        server.Endpoint = new Uri(line["AWS_ENDPOINT_URL=".Length..]);
        return server;
    }

    /// <summary>Waits for a printed line that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            lock (_gate)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }
            }

            Assert.False(_exited.Task.IsCompleted && _process.HasExited && deadline.Elapsed > TimeSpan.FromSeconds(1), "The server exited:\n" + Output);
            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching line within {timeout}. The server printed:\n{Output}");
    }

    /// <summary>Sends SIGTERM (what systemd, docker stop and Ctrl+C's cousin send) and waits for the exit.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var kill = await ExternalTool.RunAsync(ExternalTool.StartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]), TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.Output);
        var finished = await Task.WhenAny(_exited.Task, Task.Delay(timeout));
        Assert.True(finished == _exited.Task, $"The server did not stop within {timeout} of SIGTERM:\n{Output}");
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _lines.Add(line);
            }
        }
    }
}
