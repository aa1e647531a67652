using System.CommandLine;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>list</c>: every lab in the account and region, found by AlbBuilder's ownership tags.</summary>
internal static class ListCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command(
            "list",
            "List the labs in the account and region by their ownership tags (name, id, expiry, resources). " +
            "LocalCloud: starts a lab first, so there is something to list.");
        command.SetAction((result, cancellationToken) => runner.RunAsync(result, CommandRunner.Creates.Nothing, async session =>
        {
            if (!session.Cloud.IsLocal)
            {
                await ListAsync(session);
                return ExitCodes.Success;
            }

            LocalNote.Print(session.Console, "list");
            await session.StartAsync();
            var labs = await ListAsync(session);
            await session.DestroyAsync();
            var found = labs.Any(l => l.Name == session.Lab.Name);
            return await session.CheckNothingLeftAsync() && found ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }

    public static async Task<IReadOnlyList<LabSummary>> ListAsync(LabSession session)
    {
        session.Console.Write(new Rule("[bold]list[/] — labs by ownership tag").LeftJustified());
        var labs = await AlbLabDirectory.ListAsync(session.Cloud.Ec2, session.Cloud.ElasticLoadBalancing, session.CancellationToken);
        LabListView.Render(session.Console, labs, session.Cloud.LabClock.GetUtcNow());
        return labs;
    }
}
