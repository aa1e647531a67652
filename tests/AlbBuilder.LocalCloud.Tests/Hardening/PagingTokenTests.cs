using System.Net;
using System.Text;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>Issue 14 defect 4: a token LocalCloud did not hand out is the service's invalid-token error (400), never a 500.</summary>
public sealed class PagingTokenTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private SignedQuery _query = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _query = new SignedQuery(_cloud);
    }

    public async Task DisposeAsync()
    {
        _query.Dispose();
        await _cloud.DisposeAsync();
    }

    public static TheoryData<string> BadTokens => new()
    {
        B64("99999999999"),
        B64("2147483648"),
        B64("-1"),
        B64("+1"),
        B64(" 1"),
        B64("abc"),
        "not base64!",
        "====",
        new string('A', 4000),
        Convert.ToBase64String([0xff, 0xfe, 0x00]),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Ec2NextToken_Invalid_InvalidParameterValue400(string token)
    {
        foreach (var action in new[] { "DescribeSecurityGroups", "DescribeInstances", "DescribeTags" })
        {
            var (status, body) = await _query.Ec2Async($"Action={action}&NextToken={Uri.EscapeDataString(token)}");

            Assert.True(status == HttpStatusCode.BadRequest, $"{action}: {status} {body}");
            Assert.Equal("InvalidParameterValue", SignedQuery.Code(body));
        }
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Elbv2Marker_Invalid_ValidationError400(string token)
    {
        var subnets = (await _query.Ec2Async("Action=DescribeSubnets")).Body.Descendants().Where(e => e.Name.LocalName == "subnetId").Select(e => e.Value).ToList();
        var (_, created) = await _query.Elbv2Async($"Action=CreateLoadBalancer&Name=paging&Subnets.member.1={subnets[0]}&Subnets.member.2={subnets[1]}");
        var arn = created.Descendants().First(e => e.Name.LocalName == "LoadBalancerArn").Value;
        foreach (var action in new[] { "DescribeLoadBalancers", "DescribeTargetGroups", "DescribeListeners&LoadBalancerArn=" + Uri.EscapeDataString(arn) })
        {
            var (status, body) = await _query.Elbv2Async($"Action={action}&Marker={Uri.EscapeDataString(token)}");

            Assert.True(status == HttpStatusCode.BadRequest, $"{action}: {status} {body}");
            Assert.Equal("ValidationError", SignedQuery.Code(body));
        }
    }

    [Fact]
    public async Task HandedOutToken_StillPages()
    {
        for (var i = 0; i < 7; i++)
        {
            await _query.Ec2Async($"Action=CreateSecurityGroup&GroupName=page-{i}&GroupDescription=x");
        }

        var (_, first) = await _query.Ec2Async("Action=DescribeSecurityGroups&MaxResults=5");
        var token = first.Descendants().Single(e => e.Name.LocalName == "nextToken").Value;
        var (status, second) = await _query.Ec2Async($"Action=DescribeSecurityGroups&MaxResults=5&NextToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, second.Descendants().Count(e => e.Name.LocalName == "groupId" && e.Parent!.Parent!.Name.LocalName == "securityGroupInfo"));
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
