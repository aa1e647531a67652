#nullable disable // Like AWSSDK v4: not nullable-annotated (docs/elbv2-client.md#nullability).
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Pages through DescribeListeners with <c>Marker</c>/<c>NextMarker</c>.</summary>
public interface IDescribeListenersPaginator
{
    /// <summary>Gets every response page, fetched lazily as the enumeration advances.</summary>
    IPaginatedEnumerable<DescribeListenersResponse> Responses { get; }

    /// <summary>Gets every <see cref="Listener"/> across all pages.</summary>
    IPaginatedEnumerable<Listener> Listeners { get; }
}
