using AlbBuilder.Classroom.Throttling;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Tests.Throttling;

public sealed class AdaptiveRetryClientsTests
{
    private static readonly AWSCredentials Fake = new BasicAWSCredentials("AKIAFAKE", "fake");

    [Fact]
    public void ForARegion_ClientsRetryAdaptively()
    {
        using var ec2 = AdaptiveRetryClients.CreateEc2(RegionEndpoint.EUWest1, Fake);
        using var elb = AdaptiveRetryClients.CreateElasticLoadBalancing(RegionEndpoint.EUWest1, Fake);

        Assert.Equal((RequestRetryMode.Adaptive, "eu-west-1"), (ec2.Config.RetryMode, ec2.Config.RegionEndpoint.SystemName));
        Assert.Equal((RequestRetryMode.Adaptive, "eu-west-1"), (elb.Config.RetryMode, elb.Config.RegionEndpoint.SystemName));
    }

    [Fact]
    public void FromAConfigAndCredentials_KeepTheConfigButRetryAdaptively()
    {
        var ec2Config = new AmazonEC2Config { ServiceURL = "http://127.0.0.1:9", RetryMode = RequestRetryMode.Standard, MaxErrorRetry = 7 };
        var elbConfig = new AmazonElasticLoadBalancingV2Config { ServiceURL = "http://127.0.0.1:9", RetryMode = RequestRetryMode.Standard };

        using var ec2 = AdaptiveRetryClients.CreateEc2(ec2Config, Fake);
        using var elb = AdaptiveRetryClients.CreateElasticLoadBalancing(elbConfig, Fake);

        Assert.Equal((RequestRetryMode.Adaptive, 7), (ec2.Config.RetryMode, ec2.Config.MaxErrorRetry));
        Assert.Equal(RequestRetryMode.Adaptive, elb.Config.RetryMode);
        Assert.StartsWith("http://127.0.0.1:9", elb.Config.ServiceURL, StringComparison.Ordinal);
    }
}
