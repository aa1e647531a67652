using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2;

/// <content>AWSSDK.Core v4's static factory members of <see cref="IAmazonService"/>.</content>
public partial interface IAmazonElasticLoadBalancingV2
{
    // TODO(lead, at the elbv2 merge): return the real config and client once they exist on main.
    static ClientConfig IAmazonService.CreateDefaultClientConfig() =>
        throw new NotSupportedException("The ELBv2 client configuration is not available yet.");

    static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) =>
        throw new NotSupportedException("The ELBv2 client is not available yet.");
}
