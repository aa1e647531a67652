namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>
/// The quota pre-flight end to end: a classroom that would not fit in the account's load-balancer limit (LocalCloud's
/// DescribeAccountLimits, lowered for the test) is refused by StartAsync before any create call reaches the cloud.
/// </summary>
public sealed class ClassroomQuotaTests
{
    [Fact]
    public async Task StartAsync_MoreLabsThanTheLoadBalancerLimit_RefusesBeforeAnyCreate()
    {
        await using var cloud = await ClassroomCloud.StartAsync(o => o.LoadBalancerLimit = 2);
        await using var classroom = AlbClassroom.Create(cloud.Template())
            .WithName("quota")
            .ForLearners("l{0}", 3)
            .Build();

        var error = await Assert.ThrowsAsync<ClassroomQuotaException>(() => classroom.StartAsync());

        var shortfall = Assert.Single(error.Report.Shortfalls);
        Assert.Equal("application-load-balancers", shortfall.Quota);
        Assert.Equal((2, 3), (shortfall.Limit, shortfall.Needed));
        Assert.Contains("nothing was created", error.Message, StringComparison.Ordinal);
        var calls = cloud.Cloud.Calls.ToDictionary();
        Assert.True(calls.ContainsKey("DescribeAccountLimits"), string.Join(", ", calls.Keys));
        Assert.DoesNotContain(calls.Keys, action => !action.Contains(':', StringComparison.Ordinal)
            && !action.StartsWith("Describe", StringComparison.Ordinal));
        Assert.True(cloud.Cloud.GetInventory().IsEmpty, cloud.Cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task StartAsync_WithinTheLimit_Starts()
    {
        await using var cloud = await ClassroomCloud.StartAsync(o => o.LoadBalancerLimit = 2);
        await using var classroom = AlbClassroom.Create(cloud.Template())
            .WithName("quota")
            .ForLearners("l{0}", 2)
            .Build();

        Assert.Equal(0, classroom.ApiCalls.Sent);

        var result = await classroom.StartAsync();

        Assert.True(result.AllSucceeded, result.ToString());
        var calls = classroom.ApiCalls;
        Assert.Equal(4, calls.ByAction["EC2:RunInstances"].Requested); // one per instance (each has its own Name tag), 2 × 2
        Assert.Equal(2, calls.ByAction["ELBv2:CreateLoadBalancer"].Sent);
        Assert.True(calls.Requested >= calls.Sent - calls.ByAction.Values.Sum(c => c.Throttled), calls.ToString());
        await classroom.DestroyAsync();
        Assert.True(cloud.Cloud.GetInventory().IsEmpty, cloud.Cloud.GetInventory().ToString());
    }
}
