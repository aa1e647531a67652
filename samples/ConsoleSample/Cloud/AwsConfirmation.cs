using System.Globalization;
using AlbBuilder.Sample.Commands;
using Spectre.Console;

namespace AlbBuilder.Sample.Cloud;

/// <summary>Before anything is created on AWS: what, what it costs per hour, and a yes from the user.</summary>
internal static class AwsConfirmation
{
    /// <summary>
    /// Before a lab — or a class of <paramref name="classLabs"/> labs, the class named <paramref name="lab"/>'s name — is
    /// created: what each lab is, the hourly estimate for all of them, and a yes.
    /// </summary>
    public static bool ConfirmCreate(IAnsiConsole console, CloudSettings cloud, LabSettings lab, int? classLabs = null)
    {
        var labs = classLabs ?? 1;
        var where = Markup.Escape(cloud.Region ?? "(the SDK's default region)");
        console.MarkupLine(classLabs is null
            ? $"[bold]This will create in AWS {where}:[/]"
            : $"[bold]This will create in AWS {where} {labs} labs, each with:[/]");
        var name = classLabs is null ? Markup.Escape(lab.Name) : Markup.Escape($"{lab.Name}-<learner>");
        console.MarkupLine($"  • {lab.Instances} EC2 instance(s) {LabSettings.InstanceType}, Amazon Linux 2023, serving a page with httpd ({name}-1…)");
        console.MarkupLine($"  • 1 Application Load Balancer ({name}-alb) with a target group and an HTTP listener on port 80");
        console.MarkupLine("  • 2 security groups (the instances admit traffic only from the load balancer's) in the default VPC");
        var tags = classLabs is null ? $"albbuilder:lab={lab.Name}" : $"albbuilder:lab={lab.Name}-<learner>, albbuilder:class={lab.Name}, albbuilder:learner=<learner>";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  • every resource tagged {Markup.Escape(tags)}, expiring after {lab.TimeToLive.TotalHours:0.##} h (for [bold]sweep[/])"));

        var estimate = CostEstimate.For(lab.Instances, LabSettings.InstanceType);
        var table = new Table().Border(TableBorder.Simple).AddColumns(classLabs is null ? "Estimated cost" : "Estimated cost of one lab", "USD/hour");
        foreach (var (item, hourly) in estimate.Lines)
        {
            table.AddRow(Markup.Escape(item), hourly.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", $"[bold]{estimate.Hourly.ToString("0.0000", CultureInfo.InvariantCulture)}[/]");
        if (classLabs is not null)
        {
            table.AddRow($"[bold]total for {labs} labs[/]", $"[bold]{(estimate.Hourly * labs).ToString("0.0000", CultureInfo.InvariantCulture)}[/]");
        }

        console.Write(table);
        console.MarkupLine($"[grey]Prices: {PriceTable.Region} on-demand as of {PriceTable.AsOf} — verify on aws.amazon.com/pricing; other regions differ. Data transfer not included.[/]");
        return Ask(console, cloud, "Create these resources?");
    }

    public static bool ConfirmDelete(IAnsiConsole console, CloudSettings cloud, string what) =>
        Ask(console, cloud, $"Delete {what}?");

    private static bool Ask(IAnsiConsole console, CloudSettings cloud, string question)
    {
        if (cloud.Yes)
        {
            return true;
        }

        if (!console.Profile.Capabilities.Interactive || System.Console.IsInputRedirected)
        {
            console.MarkupLine("[red]Refusing:[/] there is no terminal to ask for confirmation. Pass [bold]--yes[/] to proceed.");
            return false;
        }

        return console.Confirm(question, defaultValue: false);
    }
}
