using System.CommandLine;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>drill</c>: the failover drill.</summary>
internal static class DrillCommand
{
    public const int DefaultRequests = 20;

    public static Command Create(CommandRunner runner)
    {
        var instance = new Option<int>("--instance") { Description = "Which instance to stop, 1-based (<name>-1 is 1).", DefaultValueFactory = _ => 1 };
        var requests = new Option<int>("--requests") { Description = "Requests per traffic check.", DefaultValueFactory = _ => DefaultRequests };
        instance.Require(n => n is >= 1 and <= AlbLab.MaxInstances, $"--instance must be 1–{AlbLab.MaxInstances}.");
        requests.Require(n => n is >= 1 and <= 10_000, "--requests must be 1–10000.");
        var command = new Command(
            "drill",
            $"Stop one instance, prove the load balancer sends everything to the survivors, start it again and prove all serve. {LocalNote.Help}")
        {
            instance,
            requests,
        };
        command.SetAction((result, cancellationToken) => runner.RunAsync(
            result,
            CommandRunner.Creates.Nothing,
            session => session.OnExistingLabAsync(
                "drill",
                () => session.DrillAsync(result.GetValue(instance), result.GetValue(requests))),
            cancellationToken,
            precondition: (_, lab) => lab.Instances < 2
                ? $"The drill needs at least 2 instances (a survivor); --instances is {lab.Instances}."
                : result.GetValue(instance) > lab.Instances
                    ? $"--instance {result.GetValue(instance)} does not exist: the lab has {lab.Instances} instance(s)."
                    : null));
        return command;
    }
}
