using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>The IAmazonService static factory members (used by AWSSDK.Extensions.NETCore.Setup's AddAWSService).</summary>
public sealed class ElasticLoadBalancingV2ServiceFactoryTests
{
    [Fact]
    public void CreateDefaultClientConfig_ReturnsElbConfig()
    {
        var config = CreateConfig<IAmazonElasticLoadBalancingV2>();

        Assert.IsType<AmazonElasticLoadBalancingV2Config>(config);
    }

    [Fact]
    public void CreateDefaultServiceClient_ElbConfigAndCredentials_ReturnsClient()
    {
        var config = new AmazonElasticLoadBalancingV2Config { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "eu-west-1" };

        using var client = (IAmazonElasticLoadBalancingV2)CreateClient<IAmazonElasticLoadBalancingV2>(new BasicAWSCredentials("AKID", "SECRET"), config);

        Assert.IsType<AmazonElasticLoadBalancingV2Client>(client);
        Assert.Same(config, client.Config);
    }

    [Fact]
    public void CreateDefaultServiceClient_OtherConfig_Throws()
    {
        var config = new Amazon.EC2.AmazonEC2Config { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "eu-west-1" };

        Assert.Throws<AmazonClientException>(() => CreateClient<IAmazonElasticLoadBalancingV2>(new BasicAWSCredentials("AKID", "SECRET"), config));
    }

    private static ClientConfig CreateConfig<T>()
        where T : IAmazonService => T.CreateDefaultClientConfig();

    private static IAmazonService CreateClient<T>(AWSCredentials credentials, ClientConfig config)
        where T : IAmazonService => T.CreateDefaultServiceClient(credentials, config);
}
