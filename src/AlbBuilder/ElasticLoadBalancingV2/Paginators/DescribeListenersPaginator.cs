using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>
/// Sends DescribeListeners repeatedly, carrying <c>NextMarker</c> into <c>Marker</c> until the service returns none.
/// Single use, like the official SDK's paginators: the request object is updated as pages are fetched.
/// </summary>
internal sealed class DescribeListenersPaginator : IPaginator<DescribeListenersResponse>, IDescribeListenersPaginator
{
    private readonly IAmazonElasticLoadBalancingV2 _client;
    private readonly DescribeListenersRequest _request;
    private int _isPaginatorInUse;

    internal DescribeListenersPaginator(IAmazonElasticLoadBalancingV2 client, DescribeListenersRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        _client = client;
        _request = request;
    }

    public IPaginatedEnumerable<DescribeListenersResponse> Responses => new PaginatedResponse<DescribeListenersResponse>(this);

    public IPaginatedEnumerable<Listener> Listeners =>
        new PaginatedResultKeyResponse<DescribeListenersResponse, Listener>(this, response => response.Listeners ?? []);

    async IAsyncEnumerable<DescribeListenersResponse> IPaginator<DescribeListenersResponse>.PaginateAsync(
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
            var response = await _client.DescribeListenersAsync(_request, cancellationToken).ConfigureAwait(false);
            marker = response.NextMarker;
            cancellationToken.ThrowIfCancellationRequested();
            yield return response;
        }
        while (!string.IsNullOrEmpty(marker));
    }
}
