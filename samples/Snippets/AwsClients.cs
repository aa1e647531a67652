using AlbBuilder;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Snippets;

/// <summary>The code of docs/aws.md: credentials and region.</summary>
public static class AwsClients
{
    /// <summary>Clients from a named profile, in a region.</summary>
    public static IAlbLab WithProfile()
    {
        #region snippet:aws-profile
        // AWS SDK v4 resolves credentials when a client is constructed: create clients only when you mean to use AWS.
        if (!new CredentialProfileStoreChain().TryGetAWSCredentials("lab", out AWSCredentials credentials))
        {
            throw new InvalidOperationException("No AWS profile named 'lab' in ~/.aws/credentials or ~/.aws/config.");
        }

        var ec2 = new AmazonEC2Client(credentials, RegionEndpoint.EUWest1);
        var elb = new AmazonElasticLoadBalancingV2Client(credentials, RegionEndpoint.EUWest1);

        IAlbLab lab = AlbLab.Create("hello")
            .WithAwsClients(ec2, elb)    // your clients; the lab never disposes them
            .Build();
        #endregion
        return lab;
    }
}
