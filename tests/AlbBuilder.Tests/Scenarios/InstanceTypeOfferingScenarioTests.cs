using AlbBuilder.LocalCloud;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// The lab in us-east-1, whose zone us-east-1e offers no t3 type (docs/aws-behaviours.md, "Instances and targets"):
/// instances launch only where the type is offered, the skip is reported, the load balancer still spans every zone.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class InstanceTypeOfferingScenarioTests
{
    private static readonly string[] _usEast1 = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"];

    [Fact]
    public async Task StartAsync_T3MicroInUsEast1_NoInstanceInUsEast1eAndTheLoadBalancerSpansAllSixZones()
    {
        await using var env = await LabCloud.StartAsync(LatencyProfile.Instant, "us-east-1");
        var logs = new CapturingLoggerFactory();
        var events = new EventLog();
        var lab = env.Lab("demo", instances: 6).WithInstanceType("t3.micro").WithLoggerFactory(logs).Build();

        await lab.StartAsync(events);

        Assert.Equal(LabState.Running, lab.State);
        var zones = new List<string>();
        foreach (var id in lab.Resources.InstanceIds)
        {
            zones.Add((await env.Seed.InstanceAsync(id)).Placement.AvailabilityZone);
        }

        // Six instances over the five zones that offer t3.micro: round robin from us-east-1a, none in us-east-1e.
        Assert.Equal(["us-east-1a", "us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"], zones.Order(StringComparer.Ordinal));
        var balancer = await env.Seed.LoadBalancerAsync(lab.Resources.LoadBalancerArn!);
        Assert.Equal(_usEast1, balancer.AvailabilityZones!.Select(z => z.ZoneName).Order(StringComparer.Ordinal));
        Assert.Equal(6, lab.Resources.SubnetIds.Count);

        var lookup = Assert.Single(env.Requests<DescribeInstanceTypeOfferingsRequest>());
        Assert.Equal("availability-zone", lookup.LocationType.Value);
        var filter = Assert.Single(lookup.Filters);
        Assert.Equal(("instance-type", "t3.micro"), (filter.Name, Assert.Single(filter.Values)));
        Assert.True(env.IndexOf("DescribeInstanceTypeOfferings") < env.IndexOf("RunInstances"));

        Assert.Contains(events.Events, e => e.Step == LabStep.DiscoverNetwork && e.Kind == LabEventKind.Progress
            && e.Message.Contains("t3.micro is not offered in us-east-1e", StringComparison.Ordinal));
        Assert.Contains(events.Events, e => e.Step == LabStep.DiscoverNetwork && e.Kind == LabEventKind.Completed
            && e.Message.EndsWith("; no instances in us-east-1e (t3.micro not offered there)", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information
            && e.Message.Contains("t3.micro is not offered in us-east-1e", StringComparison.Ordinal));
        Assert.Equal(0, env.Count("TerminateInstances"));
    }

    [Fact]
    public async Task StartAsync_GivenSubnetsIncludingUsEast1e_InstancesOnlyInTheOthers()
    {
        await using var env = await LabCloud.StartAsync(LatencyProfile.Instant, "us-east-1");
        var subnets = (await env.Seed.SubnetsAsync()).Where(s => s.AvailabilityZone is "us-east-1d" or "us-east-1e").ToList();
        var events = new EventLog();
        var lab = env.Lab("demo", instances: 2).WithInstanceType("t3.micro").InSubnets([.. subnets.Select(s => s.SubnetId)]).Build();

        await lab.StartAsync(events);

        foreach (var id in lab.Resources.InstanceIds)
        {
            Assert.Equal("us-east-1d", (await env.Seed.InstanceAsync(id)).Placement.AvailabilityZone);
        }

        var balancer = await env.Seed.LoadBalancerAsync(lab.Resources.LoadBalancerArn!);
        Assert.Equal(["us-east-1d", "us-east-1e"], balancer.AvailabilityZones!.Select(z => z.ZoneName).Order(StringComparer.Ordinal));
        Assert.Contains(events.Events, e => e.Message.Contains("not offered in us-east-1e", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_TypeOfferedInNoZone_ClearErrorBeforeAnythingIsCreated()
    {
        await using var env = await LabCloud.StartAsync(LatencyProfile.Instant, "us-east-1");

        // A real type outside LocalCloud's catalogue: like EC2 for a type no zone offers, no offering comes back.
        var lab = env.Lab("demo").WithInstanceType("p5.48xlarge").Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => lab.StartAsync());

        var root = error as AlbLabException ?? error.InnerException as AlbLabException;
        Assert.NotNull(root);
        Assert.Contains("p5.48xlarge", root.Message, StringComparison.Ordinal);
        Assert.Contains("us-east-1", root.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(env.Operations, o => o.StartsWith("Create", StringComparison.Ordinal) || o == "RunInstances");
    }
}
