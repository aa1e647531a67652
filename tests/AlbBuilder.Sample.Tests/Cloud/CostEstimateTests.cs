using AlbBuilder.Sample.Cloud;

namespace AlbBuilder.Sample.Tests.Cloud;

public sealed class CostEstimateTests
{
    [Fact]
    public void For_TwoMicroInstances_AddsInstancesLoadBalancerLcuAndAddresses()
    {
        var estimate = CostEstimate.For(2, "t3.micro");

        Assert.Equal((2 * 0.0104m) + 0.0225m + 0.008m + (4 * 0.005m), estimate.Hourly);
        Assert.Null(estimate.UnknownInstanceType);
    }

    [Fact]
    public void For_AnUnpricedType_SaysSoAndLeavesItOut()
    {
        var estimate = CostEstimate.For(3, "m7g.large");

        Assert.Equal("m7g.large", estimate.UnknownInstanceType);
        Assert.Equal(0.0225m + 0.008m + (5 * 0.005m), estimate.Hourly);
    }
}
