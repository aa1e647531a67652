using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;
using NSubstitute;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>Marker/NextMarker paginators, over the wire and over a mocked interface.</summary>
public sealed class ElasticLoadBalancingV2PaginatorTests
{
    private const string Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    [Fact]
    public async Task DescribeLoadBalancers_ThreePages_FollowsMarkersAndYieldsAll()
    {
        await using var server = new LoopbackServer(request =>
        {
            var marker = request.Form().GetValueOrDefault("Marker");
            var (names, next) = marker switch
            {
                null => (new[] { "lb-1", "lb-2" }, "m1"),
                "m1" => (new[] { "lb-3" }, "m2"),
                _ => (new[] { "lb-4" }, (string?)null),
            };
            var members = string.Concat(names.Select(n => $"<member><LoadBalancerName>{n}</LoadBalancerName></member>"));
            var nextXml = next is null ? string.Empty : $"<NextMarker>{next}</NextMarker>";
            return CannedResponse.Xml($"<DescribeLoadBalancersResponse xmlns=\"{Ns}\"><DescribeLoadBalancersResult><LoadBalancers>{members}</LoadBalancers>{nextXml}</DescribeLoadBalancersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>");
        });
        using var client = ElbTestClients.Create(server);

        var names = new List<string?>();
        await foreach (var lb in client.Paginators.DescribeLoadBalancers(new DescribeLoadBalancersRequest { PageSize = 2 }).LoadBalancers)
        {
            names.Add(lb.LoadBalancerName);
        }

        Assert.Equal(["lb-1", "lb-2", "lb-3", "lb-4"], names);
        Assert.Equal([null, "m1", "m2"], server.Requests.Select(r => r.Form().GetValueOrDefault("Marker")));
        Assert.All(server.Requests, r => Assert.Equal("2", r.Form()["PageSize"]));
    }

    [Fact]
    public async Task DescribeTargetGroups_Responses_YieldsEachPage()
    {
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        elb.DescribeTargetGroupsAsync(Arg.Is<DescribeTargetGroupsRequest>(r => r.Marker == null), Arg.Any<CancellationToken>())
            .Returns(new DescribeTargetGroupsResponse { TargetGroups = [new() { TargetGroupName = "a" }], NextMarker = "next" });
        elb.DescribeTargetGroupsAsync(Arg.Is<DescribeTargetGroupsRequest>(r => r.Marker == "next"), Arg.Any<CancellationToken>())
            .Returns(new DescribeTargetGroupsResponse { TargetGroups = null });
        var factory = new ElasticLoadBalancingV2PaginatorFactory(elb);

        var pages = new List<DescribeTargetGroupsResponse>();
        await foreach (var page in factory.DescribeTargetGroups(new DescribeTargetGroupsRequest()).Responses)
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal("next", pages[0].NextMarker);
        Assert.Null(pages[1].TargetGroups);
    }

    [Fact]
    public async Task DescribeListeners_NullListInPage_YieldsNoItemsAndStops()
    {
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        elb.DescribeListenersAsync(Arg.Any<DescribeListenersRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeListenersResponse { Listeners = null, NextMarker = null });
        var factory = new ElasticLoadBalancingV2PaginatorFactory(elb);

        var count = 0;
        await foreach (var _ in factory.DescribeListeners(new DescribeListenersRequest { LoadBalancerArn = "arn:lb" }).Listeners)
        {
            count++;
        }

        Assert.Equal(0, count);
        await elb.Received(1).DescribeListenersAsync(Arg.Any<DescribeListenersRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Paginator_SecondEnumeration_Throws()
    {
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        elb.DescribeListenersAsync(Arg.Any<DescribeListenersRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeListenersResponse { Listeners = [new() { Port = 80 }] });
        var paginator = new ElasticLoadBalancingV2PaginatorFactory(elb).DescribeListeners(new DescribeListenersRequest());

        await foreach (var _ in paginator.Responses)
        {
        }

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in paginator.Listeners)
            {
            }
        });
    }
}
