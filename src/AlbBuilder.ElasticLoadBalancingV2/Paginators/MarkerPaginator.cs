using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>
/// The one paging loop of the ELBv2 Describe operations: sends the request repeatedly, carrying <c>NextMarker</c>
/// into <c>Marker</c> until the service returns none. Single use, like the official SDK's paginators: the request
/// object is updated as pages are fetched.
/// </summary>
internal abstract class MarkerPaginator<TRequest, TResponse> : IPaginator<TResponse>
    where TRequest : AmazonElasticLoadBalancingV2Request
    where TResponse : AmazonWebServiceResponse
{
    private int _isPaginatorInUse;

    protected MarkerPaginator(IAmazonElasticLoadBalancingV2 client, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        Client = client;
        Request = request;
    }

    public IPaginatedEnumerable<TResponse> Responses => new PaginatedResponse<TResponse>(this);

    protected IAmazonElasticLoadBalancingV2 Client { get; }

    protected TRequest Request { get; }

    async IAsyncEnumerable<TResponse> IPaginator<TResponse>.PaginateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _isPaginatorInUse, 1) != 0)
        {
            throw new InvalidOperationException("Paginator has already been consumed and cannot be reused. Please create a new instance.");
        }

        PaginatorUtils.SetUserAgentAdditionOnRequest(Request);
        var marker = GetMarker(Request);
        do
        {
            SetMarker(Request, marker);
            var response = await SendAsync(cancellationToken).ConfigureAwait(false);
            marker = NextMarker(response);
            cancellationToken.ThrowIfCancellationRequested();
            yield return response;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    protected IPaginatedEnumerable<TItem> Items<TItem>(Func<TResponse, IEnumerable<TItem>> items) =>
        new PaginatedResultKeyResponse<TResponse, TItem>(this, items);

    protected abstract Task<TResponse> SendAsync(CancellationToken cancellationToken);

    protected abstract string? GetMarker(TRequest request);

    protected abstract void SetMarker(TRequest request, string? marker);

    protected abstract string? NextMarker(TResponse response);
}
