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

    // How a request retries a host name that does not resolve yet: soon at first, then backing off to once a second.
    private static readonly TimeSpan FirstNameRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxNameRetry = TimeSpan.FromSeconds(1);

    private readonly HttpMessageHandler _handler;
    private readonly TrafficOptions _options;
    private readonly Func<string, string?> _extractBackend;
    private long _started;

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
        _started = started;

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

    /// <summary>Whether the request failed because its host name did not resolve (NXDOMAIN), as a new load balancer's does for a while.</summary>
    internal static bool IsNameNotResolved(HttpRequestException exception) =>
        exception.HttpRequestError == HttpRequestError.NameResolutionError
        || exception.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound };

    /// <summary>Sends one request; while the host name does not resolve it waits and retries, up to <see cref="TrafficOptions.NameResolutionTimeout"/> from the probe's start.</summary>
    private async Task<TrafficSample> SendOneAsync(HttpClient client, Uri target, CancellationToken cancellationToken)
    {
        var retry = FirstNameRetry;
        while (true)
        {
            try
            {
                return await SendOnceAsync(client, target, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (IsNameNotResolved(ex))
            {
                var waited = _options.Clock.GetElapsedTime(_started);
                if (waited >= _options.NameResolutionTimeout)
                {
                    if (_options.NameResolutionTimeout == TimeSpan.Zero)
                    {
                        return new TrafficSample(_options.Clock.GetUtcNow(), TimeSpan.Zero, null, null, DescribeFailure(ex));
                    }

                    throw new TimeoutException(
                        $"{target.Host} did not resolve within {_options.NameResolutionTimeout} (TrafficOptions.NameResolutionTimeout). "
                        + "A new load balancer's DNS name can take a few minutes to propagate; try again later, or check the name.",
                        ex);
                }

                await Task.Delay(retry, _options.Clock, cancellationToken).ConfigureAwait(false);
                retry = TimeSpan.FromTicks(Math.Min(MaxNameRetry.Ticks, retry.Ticks * 3 / 2));
            }
        }
    }

    private async Task<TrafficSample> SendOnceAsync(HttpClient client, Uri target, CancellationToken cancellationToken)
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
        catch (HttpRequestException ex) when (IsNameNotResolved(ex))
        {
            throw; // not the load balancer's failure: the caller waits for the name
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new TrafficSample(startedAt, time.GetElapsedTime(started), null, null, DescribeFailure(ex));
        }
    }
}
