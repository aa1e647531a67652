using System.CommandLine;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>classroom</c>: K labs from the sample's lab, started together with a live table, checked, torn down, and a check that nothing is left.</summary>
internal static class ClassroomCommand
{
    public static Command Create(CommandRunner runner, SampleOptions options)
    {
        var labs = new Option<int?>("--labs")
        {
            Description = $"How many labs, one per learner: learner-01, learner-02… (default {ClassroomArguments.DefaultLabs}; 1–{ClassroomArguments.MaxLabs}).",
        };
        var learners = new Option<FileInfo?>("--learners")
        {
            Description = "A file of learners' names, one per line (blank lines and # comments are skipped): one lab each. Excludes --labs.",
        };
        var keep = new Option<bool>("--keep")
        {
            Description = "Leave the class running (--aws, --endpoint); remove it later with `sweep --class <name>`. LocalCloud in this process removes it anyway.",
        };
        var command = new Command(
            "classroom",
            "A class: one lab per learner, all from the same lab, started together under AWS's request rates with a live table " +
            "(learner, state, URL, healthy targets), traffic checked per lab, torn down, a summary, and a check that nothing is left. " +
            "--name names the class (default class-<random>); each lab is <class>-<learner>. Ctrl+C rolls every lab back. " +
            "--aws asks first, with the hourly cost of all the labs.")
        {
            labs,
            learners,
            keep,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            // Read and checked before the runner touches any cloud: every problem in one usage message.
            var arguments = await ClassroomArguments.ReadAsync(result, options.Name, labs, learners, keep, options.ReadLab(result));
            return await runner.RunAsync(
                result,
                CommandRunner.Creates.Class,
                session => new ClassroomSession(session, arguments, runner.Cloud(result)).RunAsync(),
                cancellationToken,
                adjust: (_, lab) => lab with { Name = arguments.ClassName },
                precondition: (_, _) => arguments.Problems.Count == 0
                    ? null
                    : $"The classroom command has {arguments.Problems.Count} problem(s):\n" + string.Join('\n', arguments.Problems.Select(p => "  - " + p)),
                classLabs: arguments.LabCount);
        });
        return command;
    }
}
