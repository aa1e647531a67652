using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Pages through DescribeListeners (see <see cref="MarkerPaginator{TRequest, TResponse}"/>).</summary>
internal sealed class DescribeListenersPaginator : MarkerPaginator<DescribeListenersRequest, DescribeListenersResponse>, IDescribeListenersPaginator
{
    internal DescribeListenersPaginator(IAmazonElasticLoadBalancingV2 client, DescribeListenersRequest request)
        : base(client, request)
    {
    }

    public IPaginatedEnumerable<Listener> Listeners => Items(response => response.Listeners ?? []);

    protected override Task<DescribeListenersResponse> SendAsync(CancellationToken cancellationToken) =>
        Client.DescribeListenersAsync(Request, cancellationToken);

    protected override string? GetMarker(DescribeListenersRequest request) => request.Marker;

    protected override void SetMarker(DescribeListenersRequest request, string? marker) => request.Marker = marker;

    protected override string? NextMarker(DescribeListenersResponse response) => response.NextMarker;
}
