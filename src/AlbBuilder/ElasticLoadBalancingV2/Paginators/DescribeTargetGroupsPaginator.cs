using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>
/// Sends DescribeTargetGroups repeatedly, carrying <c>NextMarker</c> into <c>Marker</c> until the service returns none.
/// Single use, like the official SDK's paginators: the request object is updated as pages are fetched.
/// </summary>
internal sealed class DescribeTargetGroupsPaginator : IPaginator<DescribeTargetGroupsResponse>, IDescribeTargetGroupsPaginator
{
    private readonly IAmazonElasticLoadBalancingV2 _client;
    private readonly DescribeTargetGroupsRequest _request;
    private int _isPaginatorInUse;

    internal DescribeTargetGroupsPaginator(IAmazonElasticLoadBalancingV2 client, DescribeTargetGroupsRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        _client = client;
        _request = request;
    }

    public IPaginatedEnumerable<DescribeTargetGroupsResponse> Responses => new PaginatedResponse<DescribeTargetGroupsResponse>(this);

    public IPaginatedEnumerable<TargetGroup> TargetGroups =>
        new PaginatedResultKeyResponse<DescribeTargetGroupsResponse, TargetGroup>(this, response => response.TargetGroups ?? []);

    async IAsyncEnumerable<DescribeTargetGroupsResponse> IPaginator<DescribeTargetGroupsResponse>.PaginateAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _isPaginatorInUse, 1) != 0)
        {
            throw new InvalidOperationException("Paginator has already been consumed and cannot be reused. Please create a new instance.");
        }

        PaginatorUtils.SetUserAgentAdditionOnRequest(_request);
        var marker = _request.Marker;
        do
        {
            _request.Marker = marker;
            var response = await _client.DescribeTargetGroupsAsync(_request, cancellationToken).ConfigureAwait(false);
            marker = response.NextMarker;
            cancellationToken.ThrowIfCancellationRequested();
            yield return response;
        }
        while (!string.IsNullOrEmpty(marker));
    }
}
