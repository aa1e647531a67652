#nullable disable // Like AWSSDK v4: not nullable-annotated (docs/elbv2-client.md#nullability).
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Pages through DescribeLoadBalancers with <c>Marker</c>/<c>NextMarker</c>.</summary>
public interface IDescribeLoadBalancersPaginator
{
    /// <summary>Gets every response page, fetched lazily as the enumeration advances.</summary>
    IPaginatedEnumerable<DescribeLoadBalancersResponse> Responses { get; }

    /// <summary>Gets every <see cref="LoadBalancer"/> across all pages.</summary>
    IPaginatedEnumerable<LoadBalancer> LoadBalancers { get; }
}
