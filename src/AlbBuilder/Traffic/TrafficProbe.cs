using System.Globalization;

namespace AlbBuilder.Traffic;

/// <summary>
/// Sends N GETs to a URL with bounded concurrency and a per-request timeout and records one <see cref="TrafficSample"/>
/// per request. The caller's cancellation aborts the whole probe; a request's own timeout only fails that request.
/// </summary>
internal sealed class TrafficProbe
{
    // The seed's page is tiny; a cap keeps a misrouted download from filling memory.
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly HttpMessageHandler _handler;
    private readonly TrafficOptions _options;
    private readonly Func<string, string?> _extractBackend;

    public TrafficProbe(HttpMessageHandler handler, TrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _handler = handler;
        _extractBackend = options.BackendExtractor ?? TrafficOptions.ReadHelloWorldHost;
    }

    public async Task<TrafficReport> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var target = new Uri(url, _options.Path);
        var time = _options.Clock;
        var samples = new TrafficSample[_options.Requests];
        var started = time.GetTimestamp();

        // The per-request timeout is ours (driven by the TimeProvider), so HttpClient's own is switched off.
        using var client = new HttpClient(_handler, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxBodyBytes,
        };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _options.Requests),
            parallel,
            async (index, token) => samples[index] = await SendOneAsync(client, target, token).ConfigureAwait(false))
            .ConfigureAwait(false);

        return new TrafficReport(url, samples, _options.ExpectedBackends, _options.BalanceTolerance, time.GetElapsedTime(started));
    }

    internal static string DescribeFailure(Exception exception)
    {
        // The innermost cause is the telling one ("Connection refused"); the outer type says which layer gave up.
        var cause = exception;
        while (cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return $"{exception.GetType().Name}: {cause.Message}";
    }

    private async Task<TrafficSample> SendOneAsync(HttpClient client, Uri target, CancellationToken cancellationToken)
    {
        var time = _options.Clock;
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.PerRequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var latency = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new TrafficSample(startedAt, latency, status, _extractBackend(body), null)
                : new TrafficSample(startedAt, latency, status, null, status.ToString(CultureInfo.InvariantCulture));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: our timeout, or a handler's own (e.g. a connect timeout) — either way this request timed out.
            return new TrafficSample(startedAt, time.GetElapsedTime(started), null, null, "Timeout");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new TrafficSample(startedAt, time.GetElapsedTime(started), null, null, DescribeFailure(ex));
        }
    }
}
