using System.CommandLine;
using AlbBuilder.Sample.Planning;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary><c>plan</c>: the AWS operations a lab makes, in order, and the minimal IAM policy for them — recorded from the code.</summary>
internal static class PlanCommand
{
    public static Command Create(IAnsiConsole console, SampleOptions options)
    {
        var json = new Option<bool>("--json") { Description = "Print only the IAM policy JSON (e.g. for `aws iam create-policy --policy-document file://…`)." };
        var markdown = new Option<bool>("--markdown") { Description = "Print docs/iam-policy.md." };
        var command = new Command(
            "plan",
            "The AWS operations a lab makes, in order, and the minimal IAM policy (JSON) for them, recorded by running the " +
            "lab's own code on an in-process LocalCloud. Never calls AWS.")
        {
            json,
            markdown,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = options.ReadLab(result);
            var region = result.GetValue(options.Region);
            var quiet = result.GetValue(json) || result.GetValue(markdown);
            LabPlan plan;
            try
            {
                plan = quiet
                    ? await LabPlanner.RecordAsync(settings, region, cancellationToken)
                    : await console.Status().StartAsync("Recording the lab's calls on LocalCloud…", _ => LabPlanner.RecordAsync(settings, region, cancellationToken));
            }
            catch (AlbLabValidationException ex)
            {
                console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return ExitCodes.Usage;
            }

            var output = console.Profile.Out.Writer;
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(plan.PolicyJson);
            }
            else if (result.GetValue(markdown))
            {
                await output.WriteAsync(PlanView.ToMarkdown(plan));
            }
            else
            {
                PlanView.Render(console, plan);
            }

            await output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
