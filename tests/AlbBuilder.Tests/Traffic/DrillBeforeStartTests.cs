using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using NSubstitute;

namespace AlbBuilder.Tests.Traffic;

/// <summary>What docs/api.md promises for a drill on a lab that was never started: a <see cref="FailoverDrillException"/>, nothing stopped.</summary>
public sealed class DrillBeforeStartTests
{
    [Fact]
    public async Task RunFailoverDrillAsync_BeforeStart_ThrowsFailoverDrillExceptionAtDiscover_AndTouchesNothing()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        await using var lab = AlbLab.Create("demo").WithAwsClients(ec2, elb).Build();

        var ex = await Assert.ThrowsAsync<FailoverDrillException>(() => lab.RunFailoverDrillAsync());

        Assert.Equal(DrillStep.Discover, ex.FailedStep);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains("StartAsync", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.Report.Succeeded);
        Assert.Empty(ec2.ReceivedCalls());
        Assert.Empty(elb.ReceivedCalls());
        Assert.Equal(LabState.NotStarted, lab.State);
    }

    [Fact]
    public async Task VerifyTrafficAsync_BeforeStart_ThrowsInvalidOperationException()
    {
        await using var lab = AlbLab.Create("demo").WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>()).Build();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => lab.VerifyTrafficAsync());

        Assert.Contains("StartAsync", ex.Message, StringComparison.Ordinal);
    }
}
