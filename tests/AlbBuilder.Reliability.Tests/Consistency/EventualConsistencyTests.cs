using AlbBuilder.Reliability.Tests.Infrastructure;

namespace AlbBuilder.Reliability.Tests.Consistency;

/// <summary>
/// AWS's eventual consistency: a resource created a moment ago is not yet visible to the next call. Injected right
/// after the create that precedes it (so the lookup at the start is not affected); the lab must ride it out.
/// </summary>
public sealed class EventualConsistencyTests
{
    [Theory]
    [InlineData("CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "InvalidGroup.NotFound")]
    [InlineData("CreateSecurityGroup", "RunInstances", "InvalidGroup.NotFound")]
    [InlineData("RunInstances", "DescribeInstances", "InvalidInstanceID.NotFound")]
    [InlineData("RunInstances", "CreateTags", "InvalidInstanceID.NotFound")]
    [InlineData("CreateLoadBalancer", "DescribeLoadBalancers", "LoadBalancerNotFound")]
    public async Task NotFoundRightAfterCreate_LabCompletes(string after, string operation, string code)
    {
        await using var rig = await CloudRig.StartAsync();
        var injected = 0;
        rig.Recorder.BeforeSend = call =>
        {
            if (call.Operation == after && call.Occurrence == 1)
            {
                rig.Cloud.Faults.FailNext(operation, 2, code, 400, $"Injected: not visible yet ({code})");
                injected++;
            }
        };

        // 4 instances over 3 AZs: one RunInstances launches two, so their Names need CreateTags.
        var lab = rig.Lab("consistency").WithInstances(4).Build();
        await lab.StartAsync();

        Assert.Equal(1, injected);
        Assert.Equal(InventoryCounts.Lab(4), InventoryCounts.Of(rig.Inventory));
        Assert.True((await lab.GetStatusAsync()).IsServing);
        await lab.DestroyAsync();
        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
    }
}
