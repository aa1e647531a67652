using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.Throttling;

/// <summary>The token bucket and AWS's buckets on LocalCloud's clock (a fake one here): sizes, refills, scaling by profile.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    private static QueryParameters Params(params string[] pairs) =>
        new(pairs.Select(p => p.Split('=', 2)).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1])));

    private static int AdmittedInARow(RequestThrottle throttle, AwsService service, string action, QueryParameters? p = null)
    {
        var admitted = 0;
        while (admitted < 10_000 && throttle.Admit(service, action, p ?? Params()) is null)
        {
            admitted++;
        }

        return admitted;
    }

    [Fact]
    public void Bucket_StartsFull_EmptiesThenRefillsFractionallyUpToCapacity()
    {
        var bucket = new TokenBucket(10, 0.2, _time);

        Assert.Equal(10, bucket.Tokens);
        bucket.Take(10);
        Assert.False(bucket.Has(1));

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(bucket.Has(1));    // 0.8 of a token: AWS's 0.2 a second needs 5 s for one
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.Has(1));

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(10, bucket.Tokens); // never above capacity
    }

    [Fact]
    public void Aws_OnInstant_ThrottlesNothing_Off_ThrottlesNothingAnywhere()
    {
        Assert.Null(RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Instant, _time));
        Assert.Null(RequestThrottle.Create(LocalCloudThrottling.Off, LatencyProfile.Realistic(1), _time));
        Assert.NotNull(RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Realistic(1), _time));
        Assert.NotNull(RequestThrottle.Create(LocalCloudThrottling.Fixed(1, 0), LatencyProfile.Instant, _time));
    }

    [Fact]
    public void Ec2_AwsCapacities_PerAction_AndUnfilteredDescribesUseTheSmallerBucket()
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Realistic(1), _time)!;

        Assert.Equal(5, AdmittedInARow(throttle, AwsService.Ec2, "RunInstances"));
        Assert.Equal(5, AdmittedInARow(throttle, AwsService.Ec2, "StartInstances"));
        Assert.Equal(50, AdmittedInARow(throttle, AwsService.Ec2, "StopInstances"));             // mutating
        Assert.Equal(50, AdmittedInARow(throttle, AwsService.Ec2, "CreateSecurityGroup"));       // mutating
        Assert.Equal(50, AdmittedInARow(throttle, AwsService.Ec2, "AuthorizeSecurityGroupIngress")); // resource-intensive
        Assert.Equal(100, AdmittedInARow(throttle, AwsService.Ec2, "CreateTags"));
        Assert.Equal(100, AdmittedInARow(throttle, AwsService.Ec2, "DescribeVpcs"));             // non-mutating
        Assert.Equal(50, AdmittedInARow(throttle, AwsService.Ec2, "DescribeInstances"));         // unfiltered, unpaginated
        Assert.Equal(100, AdmittedInARow(throttle, AwsService.Ec2, "DescribeInstances", Params("Filter.1.Name=instance-state-name", "Filter.1.Value.1=running")));
        Assert.NotNull(throttle.Admit(AwsService.Ec2, "DescribeInstances", Params("MaxResults=5"))); // paged shares the filtered bucket, now empty
    }

    [Fact]
    public void Ec2_ThrottledAnswer_RequestLimitExceeded503()
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Fixed(1, 0), LatencyProfile.Instant, _time)!;
        Assert.Null(throttle.Admit(AwsService.Ec2, "DescribeVpcs", Params()));

        var error = throttle.Admit(AwsService.Ec2, "DescribeVpcs", Params());

        Assert.Equal(("RequestLimitExceeded", 503), (error!.Code, error.HttpStatus));
        Assert.StartsWith("Request limit exceeded.", error.Message, StringComparison.Ordinal);
        Assert.Null(throttle.Admit(AwsService.Ec2, "DescribeSubnets", Params())); // another action, another bucket
    }

    [Fact]
    public void Ec2_ResourceBucket_CountsInstances_AndATakesNothingWhenOneBucketIsShort()
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Realistic(1), _time)!;
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(throttle.Admit(AwsService.Ec2, "RunInstances", Params("MaxCount=200", "MinCount=1")));
        }

        _time.Advance(TimeSpan.FromSeconds(1)); // request bucket: 2 tokens back; resource bucket: 2 instances back
        var error = throttle.Admit(AwsService.Ec2, "RunInstances", Params("MaxCount=3", "MinCount=1"));

        Assert.Equal("RequestLimitExceeded", error!.Code);
        Assert.Contains("resource rate limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, throttle.TokensOf("ec2:RunInstances")!.Value, 3); // the refused request took no request token
        Assert.Null(throttle.Admit(AwsService.Ec2, "RunInstances", Params("MaxCount=2", "MinCount=1")));
    }

    [Fact]
    public void Elbv2_AccountBucketSharedByEveryAction_CategoryBucketsApart()
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Realistic(1), _time)!;

        Assert.Equal(10, AdmittedInARow(throttle, AwsService.ElasticLoadBalancingV2, "CreateLoadBalancer")); // resource-intensive: 10
        Assert.Equal(20, AdmittedInARow(throttle, AwsService.ElasticLoadBalancingV2, "RegisterTargets"));    // registration: 20
        Assert.Equal(10, AdmittedInARow(throttle, AwsService.ElasticLoadBalancingV2, "DescribeTargetHealth")); // the account's 40 are spent

        var error = throttle.Admit(AwsService.ElasticLoadBalancingV2, "CreateTargetGroup", Params());
        Assert.Equal(("Throttling", 400, "Rate exceeded"), (error!.Code, error.HttpStatus, error.Message));
        Assert.Equal(20, throttle.TokensOf("elasticloadbalancing:mutating")!.Value, 3); // untouched: the account bucket refused
    }

    [Fact]
    public void Elbv2_CreateLoadBalancer_RefillsAtAwsRate_0point2PerSecond()
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Realistic(1), _time)!;
        Assert.Equal(10, AdmittedInARow(throttle, AwsService.ElasticLoadBalancingV2, "CreateLoadBalancer"));

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.NotNull(throttle.Admit(AwsService.ElasticLoadBalancingV2, "CreateLoadBalancer", Params()));
        _time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Null(throttle.Admit(AwsService.ElasticLoadBalancingV2, "CreateLoadBalancer", Params()));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.02)]
    [InlineData(0.1)]
    public void Refill_ScaledByTimeScale_SameLimitsPerSimulatedSecond_CapacitiesUnscaled(double timeScale)
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Aws, LatencyProfile.Realistic(timeScale), _time)!;
        Assert.Equal(5, AdmittedInARow(throttle, AwsService.Ec2, "RunInstances")); // AWS's capacity, whatever the scale

        // RunInstances refills 2 a simulated second: half a simulated second is one token, i.e. 0.5 s × scale here.
        _time.Advance(TimeSpan.FromSeconds(0.45 * timeScale));
        Assert.NotNull(throttle.Admit(AwsService.Ec2, "RunInstances", Params()));
        _time.Advance(TimeSpan.FromSeconds(0.1 * timeScale));
        Assert.Null(throttle.Admit(AwsService.Ec2, "RunInstances", Params()));
    }

    [Fact]
    public void Fixed_EveryRequestBucketTheGivenSize_RefilledOnTheCloudsClockUnscaled_NoResourceBuckets()
    {
        var throttle = RequestThrottle.Create(LocalCloudThrottling.Fixed(2, 1), LatencyProfile.Instant, _time)!;

        Assert.Equal(2, AdmittedInARow(throttle, AwsService.Ec2, "RunInstances", Params("MaxCount=50", "MinCount=50")));
        Assert.Equal(2, AdmittedInARow(throttle, AwsService.Ec2, "DescribeVpcs"));
        Assert.Equal(2, AdmittedInARow(throttle, AwsService.ElasticLoadBalancingV2, "DescribeLoadBalancers"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, AdmittedInARow(throttle, AwsService.Ec2, "RunInstances", Params("MaxCount=50", "MinCount=50")));
    }

    [Fact]
    public void Fixed_RejectsNonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalCloudThrottling.Fixed(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalCloudThrottling.Fixed(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalCloudThrottling.Fixed(1, double.PositiveInfinity));
        Assert.Equal("Fixed(2, 0.5/s)", LocalCloudThrottling.Fixed(2, 0.5).ToString());
    }
}
