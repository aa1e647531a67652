#nullable disable // Like AWSSDK v4: not nullable-annotated (docs/elbv2-client.md#nullability).
namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Paginators for the Elastic Load Balancing v2 operations that page with <c>Marker</c>/<c>NextMarker</c>.</summary>
public interface IElasticLoadBalancingV2PaginatorFactory
{
    /// <summary>Creates a paginator for DescribeLoadBalancers.</summary>
    /// <param name="request">The first page's request; its <c>Marker</c> is advanced as pages are fetched.</param>
    /// <returns>A single-use paginator.</returns>
    IDescribeLoadBalancersPaginator DescribeLoadBalancers(DescribeLoadBalancersRequest request);

    /// <summary>Creates a paginator for DescribeTargetGroups.</summary>
    /// <param name="request">The first page's request; its <c>Marker</c> is advanced as pages are fetched.</param>
    /// <returns>A single-use paginator.</returns>
    IDescribeTargetGroupsPaginator DescribeTargetGroups(DescribeTargetGroupsRequest request);

    /// <summary>Creates a paginator for DescribeListeners.</summary>
    /// <param name="request">The first page's request; its <c>Marker</c> is advanced as pages are fetched.</param>
    /// <returns>A single-use paginator.</returns>
    IDescribeListenersPaginator DescribeListeners(DescribeListenersRequest request);
}
