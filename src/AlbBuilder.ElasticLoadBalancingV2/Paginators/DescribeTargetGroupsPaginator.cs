using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Pages through DescribeTargetGroups (see <see cref="MarkerPaginator{TRequest, TResponse}"/>).</summary>
internal sealed class DescribeTargetGroupsPaginator : MarkerPaginator<DescribeTargetGroupsRequest, DescribeTargetGroupsResponse>, IDescribeTargetGroupsPaginator
{
    internal DescribeTargetGroupsPaginator(IAmazonElasticLoadBalancingV2 client, DescribeTargetGroupsRequest request)
        : base(client, request)
    {
    }

    public IPaginatedEnumerable<TargetGroup> TargetGroups => Items(response => response.TargetGroups ?? []);

    protected override Task<DescribeTargetGroupsResponse> SendAsync(CancellationToken cancellationToken) =>
        Client.DescribeTargetGroupsAsync(Request, cancellationToken);

    protected override string? GetMarker(DescribeTargetGroupsRequest request) => request.Marker;

    protected override void SetMarker(DescribeTargetGroupsRequest request, string? marker) => request.Marker = marker;

    protected override string? NextMarker(DescribeTargetGroupsResponse response) => response.NextMarker;
}
