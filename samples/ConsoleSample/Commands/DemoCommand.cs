using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>demo</c> (and no arguments): up, status, traffic, failover drill, down, and a check that nothing is left.</summary>
internal static class DemoCommand
{
    public const string Description =
        "The default: up with live progress, status, traffic split, failover drill, down, and a check that nothing is left.";

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("demo", Description);
        command.SetAction((result, cancellationToken) => RunAsync(runner, result, cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CommandRunner runner, ParseResult result, CancellationToken cancellationToken) =>
        runner.RunAsync(result, CommandRunner.Creates.Lab, async session =>
        {
            var elapsed = Stopwatch.StartNew();
            await session.StartAsync();
            await session.ShowStatusAsync();
            var served = await session.VerifyAsync(VerifyCommand.DefaultRequests);
            var drilled = true;
            if (session.Settings.Instances >= 2)
            {
                drilled = await session.DrillAsync(instanceIndex: 1, DrillCommand.DefaultRequests);
            }
            else
            {
                session.Console.MarkupLine("[grey]One instance: no failover drill (it needs a survivor).[/]");
            }

            await session.DestroyAsync();
            var clean = await session.CheckNothingLeftAsync();
            var ok = served && drilled && clean;
            session.Console.Write(new Rule(ok ? "[green]demo succeeded[/]" : "[red]demo FAILED[/]").LeftJustified());
            session.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Elapsed: [bold]{elapsed.Elapsed.TotalSeconds:0.0} s[/]"));
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken);
}
