#nullable disable // Like AWSSDK v4: not nullable-annotated (docs/elbv2-client.md#nullability).
using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.ElasticLoadBalancingV2;

/// <summary>The paginators member, as on the official <c>IAmazonElasticLoadBalancingV2</c>.</summary>
public partial interface IAmazonElasticLoadBalancingV2
{
    /// <summary>Gets paginators for the Describe operations that page with <c>Marker</c>/<c>NextMarker</c>.</summary>
    IElasticLoadBalancingV2PaginatorFactory Paginators { get; }
}
