using AlbBuilder.ElasticLoadBalancingV2;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>The lab's instances and their target health as a table.</summary>
internal static class StatusView
{
    public static void Render(IAnsiConsole console, LabStatus status)
    {
        console.MarkupLine($"Load balancer: [bold]{Markup.Escape(status.LoadBalancerState?.Value ?? "missing")}[/]  {Markup.Escape(status.LoadBalancerDnsName ?? string.Empty)}");
        var withReason = status.Instances.Any(i => i.TargetReason is not null);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Name", "Instance", "State", "Zone", "Host", "Target");
        if (withReason)
        {
            table.AddColumn("Reason");
        }

        table.Columns[1].NoWrap();
        table.Columns[4].NoWrap();

        foreach (var instance in status.Instances)
        {
            List<string> cells =
            [
                Markup.Escape(instance.Name ?? "-"),
                Markup.Escape(instance.InstanceId),
                Markup.Escape(instance.State?.Value ?? "-"),
                Markup.Escape(instance.AvailabilityZone ?? "-"),
                Markup.Escape(instance.PrivateDnsName?.Split('.')[0] ?? "-"),
                Health(instance.TargetState),
            ];
            if (withReason)
            {
                cells.Add(Markup.Escape(instance.TargetReason ?? string.Empty));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        console.MarkupLine(status.IsServing ? "[green]Serving:[/] the load balancer is active and every target is healthy." : "[yellow]Not serving yet.[/]");
    }

    private static string Health(TargetHealthStateEnum? state) => state switch
    {
        null => "[grey]not registered[/]",
        _ when state == TargetHealthStateEnum.Healthy => "[green]healthy[/]",
        _ when state == TargetHealthStateEnum.Unhealthy => "[red]unhealthy[/]",
        _ => $"[yellow]{Markup.Escape(state.Value)}[/]",
    };
}
