using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2;

/// <content>AWSSDK.Core v4's static factory members of <see cref="IAmazonService"/>, as the official clients implement them.</content>
public partial interface IAmazonElasticLoadBalancingV2
{
    static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonElasticLoadBalancingV2Config();

    static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
    {
        if (clientConfig is not AmazonElasticLoadBalancingV2Config config)
        {
            throw new AmazonClientException(
                $"ClientConfig is not of type {nameof(AmazonElasticLoadBalancingV2Config)} to create {nameof(AmazonElasticLoadBalancingV2Client)}");
        }

        return awsCredentials is null
            ? new AmazonElasticLoadBalancingV2Client(config)
            : new AmazonElasticLoadBalancingV2Client(awsCredentials, config);
    }
}
