using System.Net;
using AlbBuilder;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Snippets;

/// <summary>The code of docs/aws.md (credentials and region) and of docs/elbv2-client.md (nullability).</summary>
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

    /// <summary>
    /// Ordinary AWS SDK code: it must compile without nullable warnings (warnings are errors here), as it does against
    /// the official AWSSDK.ElasticLoadBalancingV2 v4, whose model is not nullable-annotated.
    /// </summary>
    public static async Task<IPAddress[]> FirstLoadBalancerAsync(IAmazonElasticLoadBalancingV2 elb, CancellationToken cancellationToken)
    {
        #region snippet:elbv2-nullability
        var response = await elb.DescribeLoadBalancersAsync(
            new DescribeLoadBalancersRequest { Names = ["hello-alb"] }, cancellationToken);

        LoadBalancer lb = response.LoadBalancers[0];
        Console.WriteLine($"{lb.LoadBalancerName}: {lb.LoadBalancerArn.Length}-character ARN");  // no CS8602
        IPAddress[] addresses = await Dns.GetHostAddressesAsync(lb.DNSName, cancellationToken); // no CS8604
        #endregion
        return addresses;
    }
}
