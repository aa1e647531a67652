using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>DescribeLoadBalancers by ARNs: up to 20 ARNs per call (the API's limit); each caller gets its own load balancers.</summary>
internal sealed class LoadBalancerBatching : IDescribeBatching<DescribeLoadBalancersRequest, DescribeLoadBalancersResponse>
{
    public static LoadBalancerBatching Instance { get; } = new();

    public string Action => "DescribeLoadBalancers";

    public int MaxIdsPerCall => 20;

    public IReadOnlyList<string>? IdsOf(DescribeLoadBalancersRequest request) =>
        request.LoadBalancerArns is { Count: > 0 } arns
        && request.Names is null or { Count: 0 }
        && string.IsNullOrEmpty(request.Marker)
        && request.PageSize is null
            ? arns
            : null;

    public DescribeLoadBalancersRequest RequestFor(IReadOnlyList<string> ids) => new() { LoadBalancerArns = [.. ids] };

    public IEnumerable<string> IdsIn(DescribeLoadBalancersResponse response) =>
        (response.LoadBalancers ?? []).Select(lb => lb?.LoadBalancerArn).OfType<string>();

    public DescribeLoadBalancersResponse Only(IReadOnlyList<DescribeLoadBalancersResponse> responses, IReadOnlySet<string> ids) =>
        new()
        {
            LoadBalancers = [.. responses.SelectMany(r => r.LoadBalancers ?? []).Where(lb => lb?.LoadBalancerArn is { } arn && ids.Contains(arn))],
            HttpStatusCode = responses[0].HttpStatusCode,
            ResponseMetadata = responses[0].ResponseMetadata,
        };

    // LoadBalancerNotFound (a retry acceptor of LoadBalancerAvailable, success of LoadBalancersDeleted) or a malformed ARN.
    public bool IsAboutIds(Exception error) =>
        error is AmazonElasticLoadBalancingV2Exception { ErrorCode: "LoadBalancerNotFound" or "ValidationError" };
}
