using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// The buckets of one service endpoint, shared by every classroom and lab of the process that calls it with the same
/// rates and clock: AWS throttles per account and region, so two classrooms in one process must share one budget.
/// </summary>
internal sealed class RequestBuckets
{
    // Keyed by clock first, so that tests on their own FakeTimeProvider never share buckets (and free them with it).
    private static readonly ConditionalWeakTable<TimeProvider, ConcurrentDictionary<string, RequestBuckets>> Shared = new();

    private readonly ConcurrentDictionary<RequestBucket, TokenBucket> _buckets = new();
    private readonly AwsRequestRates _rates;
    private readonly TimeProvider _time;

    private RequestBuckets(AwsRequestRates rates, TimeProvider time)
    {
        _rates = rates;
        _time = time;
    }

    /// <summary>The process's buckets for the endpoint <paramref name="client"/> calls.</summary>
    public static RequestBuckets For(IAmazonService client, AwsRequestRates rates, TimeProvider time) =>
        Shared.GetValue(time, _ => new())
            .GetOrAdd(EndpointOf(client) + "|" + rates.Fingerprint, _ => new RequestBuckets(rates, time));

    /// <summary>Gets one bucket, created full on first use.</summary>
    public TokenBucket this[RequestBucket bucket] => _buckets.GetOrAdd(bucket, key => new TokenBucket(_rates.RateOf(key), _time));

    /// <summary>Takes the tokens of one request from each of its buckets.</summary>
    public async ValueTask TakeAsync(IReadOnlyList<(RequestBucket Bucket, double Tokens)> costs, CancellationToken cancellationToken)
    {
        foreach (var (bucket, tokens) in costs)
        {
            await this[bucket].TakeAsync(tokens, cancellationToken).ConfigureAwait(false);
        }
    }

    // The account is not known without a call (STS), so clients of one endpoint share, which errs on the safe side.
    private static string EndpointOf(IAmazonService client)
    {
        var config = client.Config;
        var url = config?.ServiceURL;
        return !string.IsNullOrEmpty(url) ? url : config?.RegionEndpoint?.SystemName ?? "default";
    }
}
