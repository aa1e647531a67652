using System.CommandLine;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>verify</c>: send requests through the load balancer and chart which instance answered.</summary>
internal static class VerifyCommand
{
    public const int DefaultRequests = 30;

    public static Command Create(CommandRunner runner)
    {
        var requests = new Option<int>("--requests") { Description = "How many requests to send.", DefaultValueFactory = _ => DefaultRequests };
        requests.Require(n => n is >= 1 and <= 10_000, "--requests must be 1–10000.");
        var command = new Command("verify", $"Send requests through the load balancer and chart which instance answered each. {LocalNote.Help}") { requests };
        command.SetAction((result, cancellationToken) => runner.RunAsync(
            result,
            CommandRunner.Creates.Nothing,
            session => session.OnExistingLabAsync("verify", () => session.VerifyAsync(result.GetValue(requests))),
            cancellationToken));
        return command;
    }
}
