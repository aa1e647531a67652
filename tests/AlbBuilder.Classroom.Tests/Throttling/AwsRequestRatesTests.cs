using AlbBuilder.Classroom.Throttling;

namespace AlbBuilder.Classroom.Tests.Throttling;

public sealed class AwsRequestRatesTests
{
    public static TheoryData<string, double, double> PublishedEc2Buckets => new()
    {
        { "non-mutating", 100, 20 },
        { "unfiltered and unpaginated non-mutating", 50, 10 },
        { "mutating", 50, 5 },
        { "uncategorized", 50, 5 },
        { "RunInstances instances", 1000, 2 },
        { "TerminateInstances instances", 1000, 20 },
    };

    [Theory]
    [MemberData(nameof(PublishedEc2Buckets))]
    public void Default_Ec2_KeepsAwsBurstAndNinetyPercentOfItsRefill(string actionClass, double capacity, double awsRefill)
    {
        var rate = AwsRequestRates.Default.RateOf(new RequestBucket("EC2", actionClass));

        Assert.Equal(capacity, rate.Capacity);
        Assert.Equal(awsRefill * 0.9, rate.RefillPerSecond, 9);
    }

    [Fact]
    public void Default_ElasticLoadBalancing_IsConservative()
    {
        Assert.Equal(new RequestRate(20, 9), AwsRequestRates.Default.RateOf(RequestBucket.ElasticLoadBalancingDescribe));
        Assert.Equal(new RequestRate(10, 4.5), AwsRequestRates.Default.RateOf(RequestBucket.ElasticLoadBalancingMutating));
    }

    [Fact]
    public void Scaled_MultipliesSpeedRefillAndShortensTheBatchWindow()
    {
        var rates = AwsRequestRates.Default.Scaled(10).Scaled(5);

        Assert.Equal(50, rates.Speed);
        Assert.Equal(100, rates.RateOf(RequestBucket.Ec2NonMutating).Capacity);
        Assert.Equal(20 * 0.9 * 50, rates.RateOf(RequestBucket.Ec2NonMutating).RefillPerSecond, 9);
        Assert.Equal(TimeSpan.FromMilliseconds(4), rates.BatchWindow);
        Assert.Equal(1, AwsRequestRates.Default.Speed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Scaled_NotPositive_Throws(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsRequestRates.Default.Scaled(speed));

    [Fact]
    public void ToString_NamesEveryBucket() =>
        Assert.Contains("ELBv2 describe: 20 tokens, 9/s", AwsRequestRates.Default.ToString(), StringComparison.Ordinal);
}
