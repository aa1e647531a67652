using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Pages through DescribeLoadBalancers (see <see cref="MarkerPaginator{TRequest, TResponse}"/>).</summary>
internal sealed class DescribeLoadBalancersPaginator : MarkerPaginator<DescribeLoadBalancersRequest, DescribeLoadBalancersResponse>, IDescribeLoadBalancersPaginator
{
    internal DescribeLoadBalancersPaginator(IAmazonElasticLoadBalancingV2 client, DescribeLoadBalancersRequest request)
        : base(client, request)
    {
    }

    public IPaginatedEnumerable<LoadBalancer> LoadBalancers => Items(response => response.LoadBalancers ?? []);

    protected override Task<DescribeLoadBalancersResponse> SendAsync(CancellationToken cancellationToken) =>
        Client.DescribeLoadBalancersAsync(Request, cancellationToken);

    protected override string? GetMarker(DescribeLoadBalancersRequest request) => request.Marker;

    protected override void SetMarker(DescribeLoadBalancersRequest request, string? marker) => request.Marker = marker;

    protected override string? NextMarker(DescribeLoadBalancersResponse response) => response.NextMarker;
}
