#nullable disable // Like AWSSDK v4: not nullable-annotated (docs/elbv2-client.md#nullability).
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Pages through DescribeTargetGroups with <c>Marker</c>/<c>NextMarker</c>.</summary>
public interface IDescribeTargetGroupsPaginator
{
    /// <summary>Gets every response page, fetched lazily as the enumeration advances.</summary>
    IPaginatedEnumerable<DescribeTargetGroupsResponse> Responses { get; }

    /// <summary>Gets every <see cref="TargetGroup"/> across all pages.</summary>
    IPaginatedEnumerable<TargetGroup> TargetGroups { get; }
}
