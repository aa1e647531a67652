using System.CommandLine;
using AlbBuilder.Sample.Commands;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample;

/// <summary>The console sample's command line, runnable in-process (tests pass their own console).</summary>
public static class SampleApp
{
    /// <summary>Parses <paramref name="args"/> and runs the command; no arguments runs <c>demo</c>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where everything is written.</param>
    /// <param name="cancellationToken">Ctrl+C: cancels the command (a starting lab rolls back).</param>
    /// <returns>0 success, 1 failure, 2 bad arguments, 130 cancelled.</returns>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, CancellationToken.None, cancellationToken);

    /// <summary>Parses <paramref name="args"/> and runs the command, with a second cancellation for a starting lab.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where everything is written.</param>
    /// <param name="abandonRollback">The second Ctrl+C: a starting lab stops its rollback (<see cref="IAlbLab.AbandonRollback"/>).</param>
    /// <param name="cancellationToken">The first Ctrl+C: cancels the command (a starting lab rolls back).</param>
    /// <returns>0 success, 1 failure, 2 bad arguments, 130 cancelled.</returns>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken abandonRollback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildCommandLine(console, abandonRollback);
        var parsed = root.Parse(args);
        using var writer = new ConsoleTextWriter(console);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            }

            console.WriteLine();
            var command = parsed.CommandResult.Command;
            string[] helpArgs = command == root ? ["--help"] : [command.Name, "--help"];
            await root.Parse(helpArgs).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancellationToken);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancellationToken);
    }

    private static RootCommand BuildCommandLine(IAnsiConsole console, CancellationToken abandonRollback)
    {
        var options = new SampleOptions();
        var runner = new CommandRunner(console, options, abandonRollback);
        var root = new RootCommand(
            "AlbBuilder console sample: an Application Load Balancer lab, end to end.\n" +
            "With no command it runs `demo` on LocalCloud, an emulator inside this process (no AWS account; nothing leaves 127.0.0.1).\n" +
            "LocalCloud lives only as long as the process, so commands that need an existing lab (status, verify, drill, down, list,\n" +
            "sweep) start one there first and remove it at the end. With --aws they work on labs left by `up --aws`, which asks\n" +
            "first and shows an hourly cost estimate (--yes skips the question; without a terminal it refuses unless --yes).");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(DemoCommand.Create(runner));
        root.Subcommands.Add(UpCommand.Create(runner));
        root.Subcommands.Add(StatusCommand.Create(runner));
        root.Subcommands.Add(VerifyCommand.Create(runner));
        root.Subcommands.Add(DrillCommand.Create(runner));
        root.Subcommands.Add(DownCommand.Create(runner));
        root.Subcommands.Add(PlanCommand.Create(console, options));
        root.Subcommands.Add(ListCommand.Create(runner));
        root.Subcommands.Add(SweepCommand.Create(runner));
        root.Subcommands.Add(ClassroomCommand.Create(runner, options));
        root.SetAction((result, cancellationToken) => DemoCommand.RunAsync(runner, result, cancellationToken));
        return root;
    }
}
