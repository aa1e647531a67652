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
        { "RunInstances", 5, 2 },
        { "StartInstances", 5, 2 },
        { "RunInstances instances", 1000, 2 },
        { "StartInstances instances", 1000, 2 },
        { "StopInstances instances", 1000, 20 },
        { "TerminateInstances instances", 1000, 20 },
    };

    public static TheoryData<string, double, double> PublishedElasticLoadBalancingBuckets => new()
    {
        { "account", 40, 10 },
        { "non-mutating", 40, 10 },
        { "resource-intensive", 10, 0.2 },
        { "registration", 20, 4 },
        { "mutating", 20, 3 },
    };

    [Theory]
    [MemberData(nameof(PublishedEc2Buckets))]
    public void Default_Ec2_KeepsAwsBurstAndNinetyPercentOfItsRefill(string actionClass, double capacity, double awsRefill)
    {
        var rate = AwsRequestRates.Default.RateOf(new RequestBucket("EC2", actionClass));

        Assert.Equal(capacity, rate.Capacity);
        Assert.Equal(awsRefill * 0.9, rate.RefillPerSecond, 9);
    }

    [Theory]
    [MemberData(nameof(PublishedElasticLoadBalancingBuckets))]
    public void Default_ElasticLoadBalancing_KeepsAwsBurstAndNinetyPercentOfItsRefill(string actionClass, double capacity, double awsRefill)
    {
        var rate = AwsRequestRates.Default.RateOf(new RequestBucket("ELBv2", actionClass));

        Assert.Equal(capacity, rate.Capacity);
        Assert.Equal(awsRefill * 0.9, rate.RefillPerSecond, 9);
    }

    [Fact]
    public void Scaled_MultipliesSpeedAndRefill()
    {
        var rates = AwsRequestRates.Default.Scaled(10).Scaled(5);

        Assert.Equal(50, rates.Speed);
        Assert.Equal(100, rates.RateOf(RequestBucket.Ec2NonMutating).Capacity);
        Assert.Equal(20 * 0.9 * 50, rates.RateOf(RequestBucket.Ec2NonMutating).RefillPerSecond, 9);
        Assert.Equal(1, AwsRequestRates.Default.Speed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Scaled_NotPositive_Throws(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsRequestRates.Default.Scaled(speed));

    [Fact]
    public void ToString_NamesEveryBucket() =>
        Assert.Contains("ELBv2 resource-intensive: 10 tokens, 0.18/s", AwsRequestRates.Default.ToString(), StringComparison.Ordinal);
}
