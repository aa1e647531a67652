using AlbBuilder.Sample;
using Spectre.Console;

namespace AlbBuilder.Sample.Tests;

/// <summary>Runs the sample in-process with a console that records plain text (no colours, no live display, wide lines).</summary>
internal sealed record SampleRun(int ExitCode, string Output)
{
    /// <summary>LocalCloud without latency, and a lab clock 100× real time (its 5 s polls take 50 ms).</summary>
    public static readonly string[] Fast = ["--instant", "--speed", "100"];

    public static async Task<SampleRun> RunAsync(string[] args, CancellationToken cancellationToken = default, Action<string>? onWrite = null, CancellationToken abandonRollback = default)
    {
        var writer = new ObservedStringWriter(onWrite);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var exitCode = await SampleApp.RunAsync(args, console, abandonRollback, cancellationToken);
        return new SampleRun(exitCode, writer.ToString());
    }

    /// <summary>The text between two markers (the first after <paramref name="from"/>), to look inside one section.</summary>
    public string Section(string from, string to)
    {
        var start = Output.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' not in the output:\n{Output}");
        var end = Output.IndexOf(to, start, StringComparison.Ordinal);
        return end < 0 ? Output[start..] : Output[start..end];
    }

    private sealed class ObservedStringWriter(Action<string>? onWrite) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value is not null)
            {
                onWrite?.Invoke(value);
            }
        }

        public override void Write(char value)
        {
            base.Write(value);
            onWrite?.Invoke(value.ToString());
        }
    }
}
