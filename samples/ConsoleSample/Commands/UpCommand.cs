using System.CommandLine;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>up</c>: create a lab and show it. On AWS it stays up until <c>down</c>; on LocalCloud it goes when the process ends.</summary>
internal static class UpCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command(
            "up",
            "Create the lab (live progress; Ctrl+C rolls back) and show it. --aws: asks first with an hourly cost estimate; " +
            "the lab stays until `down --aws`. LocalCloud: removed before exiting.");
        command.SetAction((result, cancellationToken) => runner.RunAsync(result, CommandRunner.Creates.Lab, async session =>
        {
            await session.StartAsync();
            await session.ShowStatusAsync();
            if (!session.Cloud.IsLocal)
            {
                session.KeepLab();
                if (session.Cloud is Cloud.EndpointLabCloud)
                {
                    session.Console.MarkupLine($"The lab stays on {Markup.Escape(session.Cloud.Description)} until [bold]down --name {Markup.Escape(session.Lab.Name)}[/] (or the server stops).");
                    return ExitCodes.Success;
                }

                session.Console.MarkupLine($"The lab stays up and costs money until [bold]down --aws --name {Markup.Escape(session.Lab.Name)}[/] (or [bold]sweep --aws[/] after it expires).");
                return ExitCodes.Success;
            }

            session.Console.MarkupLine("[grey]LocalCloud lives only inside this process, so the lab is removed now. Use `demo` for the whole story, or --aws for a lab that stays.[/]");
            await session.DestroyAsync();
            return await session.CheckNothingLeftAsync() ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }
}
