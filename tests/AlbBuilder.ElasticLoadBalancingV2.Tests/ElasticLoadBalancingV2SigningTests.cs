using System.Globalization;
using System.Security.Cryptography;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>SigV4 as produced by AWSSDK.Core's signer, checked against an independent implementation.</summary>
public sealed class ElasticLoadBalancingV2SigningTests
{
    [Fact]
    public async Task Authorization_ScopeAndSignature_MatchIndependentSigV4()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse("CreateTargetGroup")));
        using var client = ElbTestClients.Create(server, region: "eu-west-1");

        await client.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = "lab tg/ü",
            Port = 80,
            Protocol = AlbBuilder.ElasticLoadBalancingV2.ProtocolEnum.HTTP,
            Matcher = new Matcher { HttpCode = "200-299" },
            Tags = [new Tag { Key = "lab", Value = "a&b=c" }],
        });

        var request = Assert.Single(server.Requests);
        var authorization = SigV4Verifier.Parse(request.Header("Authorization")!);
        var amzDate = request.Header("X-Amz-Date")!;
        Assert.Equal(ElbTestClients.AccessKey, authorization.AccessKeyId);
        Assert.Equal(amzDate[..8], authorization.Date);
        Assert.Equal($"{amzDate[..8]}/eu-west-1/elasticloadbalancing/aws4_request", authorization.Scope);
        Assert.Contains("host", authorization.SignedHeaders);
        Assert.Contains("x-amz-date", authorization.SignedHeaders);
        Assert.Equal(SigV4Verifier.ComputeSignature(request, ElbTestClients.SecretKey), authorization.Signature);
        if (request.Header("X-Amz-Content-SHA256") is { } contentHash)
        {
            Assert.Equal(Convert.ToHexString(SHA256.HashData(request.Body)).ToLower(CultureInfo.InvariantCulture), contentHash);
        }
    }

    [Fact]
    public async Task Authorization_WrongSecret_DoesNotVerify()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeLoadBalancers")));
        using var client = ElbTestClients.Create(server);

        await client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = ["a"] });

        var request = Assert.Single(server.Requests);
        Assert.NotEqual(SigV4Verifier.ComputeSignature(request, "not-the-secret"), SigV4Verifier.Parse(request.Header("Authorization")!).Signature);
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("ap-southeast-2")]
    [InlineData("cn-north-1")]
    public async Task ServiceUrl_WithAuthenticationRegion_SignsForThatRegion(string region)
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeTags")));
        using var client = ElbTestClients.Create(server, region);

        await client.DescribeTagsAsync(new DescribeTagsRequest { ResourceArns = ["arn:x"] });

        var request = Assert.Single(server.Requests);
        var authorization = SigV4Verifier.Parse(request.Header("Authorization")!);
        Assert.Equal(region, authorization.Region);
        Assert.Equal("elasticloadbalancing", authorization.Service);
        Assert.Equal(SigV4Verifier.ComputeSignature(request, ElbTestClients.SecretKey), authorization.Signature);
    }
}
