using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>
/// Sends DescribeLoadBalancers repeatedly, carrying <c>NextMarker</c> into <c>Marker</c> until the service returns none.
/// Single use, like the official SDK's paginators: the request object is updated as pages are fetched.
/// </summary>
internal sealed class DescribeLoadBalancersPaginator : IPaginator<DescribeLoadBalancersResponse>, IDescribeLoadBalancersPaginator
{
    private readonly IAmazonElasticLoadBalancingV2 _client;
    private readonly DescribeLoadBalancersRequest _request;
    private int _isPaginatorInUse;

    internal DescribeLoadBalancersPaginator(IAmazonElasticLoadBalancingV2 client, DescribeLoadBalancersRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        _client = client;
        _request = request;
    }

    public IPaginatedEnumerable<DescribeLoadBalancersResponse> Responses => new PaginatedResponse<DescribeLoadBalancersResponse>(this);

    public IPaginatedEnumerable<LoadBalancer> LoadBalancers =>
        new PaginatedResultKeyResponse<DescribeLoadBalancersResponse, LoadBalancer>(this, response => response.LoadBalancers ?? []);

    async IAsyncEnumerable<DescribeLoadBalancersResponse> IPaginator<DescribeLoadBalancersResponse>.PaginateAsync(
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
            var response = await _client.DescribeLoadBalancersAsync(_request, cancellationToken).ConfigureAwait(false);
            marker = response.NextMarker;
            cancellationToken.ThrowIfCancellationRequested();
            yield return response;
        }
        while (!string.IsNullOrEmpty(marker));
    }
}
