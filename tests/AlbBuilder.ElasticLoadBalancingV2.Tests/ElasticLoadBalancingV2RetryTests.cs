using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>The SDK's retry policy applies to our client: Throttling is retried; modelled client errors are not.</summary>
public sealed class ElasticLoadBalancingV2RetryTests
{
    [Fact]
    public async Task Throttling_TwiceThenSuccess_RetriedAndSucceeds()
    {
        var calls = 0;
        var throttled = ElbTestClients.ErrorResponse("Throttling", "Rate exceeded", "rid-throttle");
        var ok = ElbTestClients.EmptyResponse("DescribeTargetHealth", "rid-ok");
        await using var server = new LoopbackServer(_ =>
            Interlocked.Increment(ref calls) <= 2 ? new CannedResponse(400, throttled) : CannedResponse.Xml(ok));
        using var client = ElbTestClients.Create(server, maxErrorRetry: 3);

        var response = await client.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = "arn:tg" });

        Assert.Equal("rid-ok", response.ResponseMetadata.RequestId);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("arn:tg", r.Form()["TargetGroupArn"]));
    }

    [Fact]
    public async Task Throttling_BeyondMaxErrorRetry_SurfacesThrottlingCode()
    {
        var throttled = ElbTestClients.ErrorResponse("Throttling", "Rate exceeded", "rid-throttle");
        await using var server = new LoopbackServer(_ => new CannedResponse(400, throttled));
        using var client = ElbTestClients.Create(server, maxErrorRetry: 2);

        var exception = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => client.DescribeLoadBalancersAsync(new()));

        Assert.Equal("Throttling", exception.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ServiceUnavailable_Retried()
    {
        var calls = 0;
        var unavailable = ElbTestClients.ErrorResponse("ServiceUnavailable", "try again", "rid-503", "Receiver");
        await using var server = new LoopbackServer(_ =>
            Interlocked.Increment(ref calls) == 1 ? new CannedResponse(503, unavailable) : CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeListeners")));
        using var client = ElbTestClients.Create(server, maxErrorRetry: 2);

        await client.DescribeListenersAsync(new());

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ModelledClientError_NotRetried()
    {
        var body = ElbTestClients.ErrorResponse("TargetGroupNotFound", "no such tg", "rid-tg");
        await using var server = new LoopbackServer(_ => new CannedResponse(400, body));
        using var client = ElbTestClients.Create(server, maxErrorRetry: 3);

        await Assert.ThrowsAsync<TargetGroupNotFoundException>(() => client.DeleteTargetGroupAsync(new() { TargetGroupArn = "arn:tg" }));

        Assert.Single(server.Requests);
    }

    [Fact]
    public void MaxRetryBackoff_Unset_KeepsSdkRetryHandler()
    {
        var config = new AmazonElasticLoadBalancingV2Config { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "eu-west-1" };

        Assert.Null(config.MaxRetryBackoff);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
    }
}
