namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The benchmark's sequential baseline (<c>AlbLabDefinition.SequentialBaseline</c>): the same calls as the dependency
/// graph, one step after another, so the benchmark's ratio measures the overlap and nothing else.
/// </summary>
[Collection(ProvisioningCollection.Name)]
public sealed class SequentialBaselineTests
{
    [Fact]
    public async Task StartAsync_SequentialBaseline_MakesTheSameChangesAsTheGraph()
    {
        var graph = new FakeAws();
        var sequential = new FakeAws();

        await LabFixture.Lab(graph).StartAsync();
        await LabFixture.Lab(sequential, LabFixture.Definition() with { SequentialBaseline = true }).StartAsync();

        // Describe calls are lookups and waiter polls (their number depends on timing); every change must match.
        Assert.Equal(Changes(graph), Changes(sequential));
        Assert.Single(sequential.LoadBalancers);
        Assert.Single(sequential.Listeners);
        Assert.Equal(2, sequential.Registered.Values.Single().Count);
    }

    [Fact]
    public async Task StartAsync_SequentialBaseline_CreatesTheLoadBalancerOnlyAfterInstancesRunAndTargetsAreRegistered()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { SequentialBaseline = true });

        await lab.StartAsync();

        var ops = aws.Operations;
        var lastRunInstances = ops.LastIndexOf("RunInstances");
        var firstInstancePoll = ops.FindIndex(lastRunInstances, o => o == "DescribeInstances");
        Assert.True(firstInstancePoll > lastRunInstances, string.Join(", ", ops));
        Assert.True(ops.IndexOf("CreateTargetGroup") > firstInstancePoll, string.Join(", ", ops));
        Assert.True(ops.IndexOf("RegisterTargets") > ops.IndexOf("CreateTargetGroup"), string.Join(", ", ops));
        Assert.True(ops.IndexOf("CreateLoadBalancer") > ops.IndexOf("RegisterTargets"), string.Join(", ", ops));
        Assert.True(ops.IndexOf("CreateListener") > ops.LastIndexOf("DescribeLoadBalancers"), string.Join(", ", ops));
        Assert.Equal(LabState.Running, lab.State);
    }

    private static List<string> Changes(FakeAws aws) =>
        [.. aws.Operations.Where(o => !o.StartsWith("Describe", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
