using System.CommandLine;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>down</c>: delete every resource carrying the lab's ownership tags, then check nothing is left.</summary>
internal static class DownCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command(
            "down",
            "Delete every resource tagged with the lab's name (only those) and check nothing is left; safe to repeat. " +
            "LocalCloud: starts a lab first, to show the teardown.");
        command.SetAction((result, cancellationToken) => runner.RunAsync(result, CommandRunner.Creates.Nothing, async session =>
        {
            if (session.Cloud.IsLocal)
            {
                LocalNote.Print(session.Console, "down");
                await session.StartAsync();
            }

            // DestroyAsync finds the lab's resources by their tags itself: no attach needed.
            await session.DestroyAsync();
            return await session.CheckNothingLeftAsync() ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }
}
