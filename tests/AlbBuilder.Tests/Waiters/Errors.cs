using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.Runtime;

namespace AlbBuilder.Tests.Waiters;

/// <summary>Service exceptions as the SDK pipeline raises them (the code is what acceptors match).</summary>
internal static class Errors
{
    public static AmazonEC2Exception Ec2(string code, string message = "The resource does not exist") =>
        new(message, null, ErrorType.Sender, code, "req-1", HttpStatusCode.BadRequest);

    public static AmazonElasticLoadBalancingV2Exception Elbv2(string code, string message = "The resource does not exist") =>
        new(message, null, ErrorType.Sender, code, "req-1", HttpStatusCode.BadRequest);
}
