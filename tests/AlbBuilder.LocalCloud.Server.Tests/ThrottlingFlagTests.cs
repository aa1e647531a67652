using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>Issue 15: the server applies AWS's request rates (refilled --speed times faster) unless told --no-throttling.</summary>
public sealed class ThrottlingFlagTests
{
    private static async Task<int> ThrottledOfManyUnfilteredDescribesAsync(params string[] arguments)
    {
        await using var server = await ServerProcess.StartAsync(arguments);
        using var ec2 = new AmazonEC2Client(
            new BasicAWSCredentials(LocalCloud.AccessKeyId, LocalCloud.SecretAccessKey),
            new AmazonEC2Config { ServiceURL = server.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        // 150 at once: more than the 50 tokens plus 10 a second can admit unless they take over 10 s.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 150).Select(async _ =>
        {
            try
            {
                await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
                return false;
            }
            catch (AmazonEC2Exception ex) when (ex.ErrorCode == "RequestLimitExceeded")
            {
                return true;
            }
        }));
        var throttled = outcomes.Count(t => t);
        return throttled;
    }

    [Fact]
    public async Task AtAwsSpeed_UnfilteredDescribesBeyondTheBucket_Throttled_UnlessNoThrottling()
    {
        // AWS's unfiltered DescribeSecurityGroups bucket: 50 tokens, 10 a second (--speed 1 is AWS's pace).
        Assert.True(await ThrottledOfManyUnfilteredDescribesAsync("--speed", "1") > 0);
        Assert.Equal(0, await ThrottledOfManyUnfilteredDescribesAsync("--speed", "1", "--no-throttling"));
    }
}
