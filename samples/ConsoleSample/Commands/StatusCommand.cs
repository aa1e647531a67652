using System.CommandLine;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>status</c>: the load balancer, the instances and their target health.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("status", $"Show the load balancer, the instances and their target health. {LocalNote.Help}");
        command.SetAction((result, cancellationToken) => runner.RunAsync(
            result,
            CommandRunner.Creates.Nothing,
            session => session.OnExistingLabAsync("status", async () => (await session.ShowStatusAsync()).IsServing),
            cancellationToken));
        return command;
    }
}
