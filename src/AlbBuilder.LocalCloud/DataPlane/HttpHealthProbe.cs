using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// The real probe: <c>GET http://127.0.0.1:&lt;loopback&gt;&lt;path&gt;</c> with the target's private IP as Host and
/// the ELB health checker's User-Agent; a target behind a blocking security group waits out the timeout.
/// One instance serves every target group; dispose it after the checkers.
/// </summary>
internal sealed class HttpHealthProbe : ITargetHealthProbe, IDisposable
{
    private const string UserAgent = "ELB-HealthChecker/2.0";

    private readonly TimeProvider _timeProvider;
    private readonly HttpClient _client;

    /// <param name="timeProvider">The clock for timeouts; <see cref="TimeProvider.System"/> when null.</param>
    public HttpHealthProbe(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _client = new HttpClient(LoopbackConnectHandler.CreateLoopbackOnlyHandler(), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the check's own timeout applies
        };
    }

    public async Task<HealthProbeResult> ProbeAsync(HealthProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (endpoint, settings) = (request.Endpoint, request.Settings);
        if (endpoint.Reachability != TargetReachability.Reachable)
        {
            // A security group drops packets silently: the check waits out its timeout.
            await Task.Delay(settings.Timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return HealthProbeResult.TimedOut;
        }

        using var timeoutCts = new CancellationTokenSource(settings.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{endpoint.LoopbackPort}{settings.Path}"));
        using var message = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // An ALB checks the target's private IP, not the loopback port the emulator listens on.
        message.Headers.Host = endpoint.PrivateIpAddress;
        message.Headers.UserAgent.ParseAdd(UserAgent);
        try
        {
            using var response = await _client.SendAsync(message, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return request.Matcher.Matches(code) ? HealthProbeResult.Pass : HealthProbeResult.Mismatch(code);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.TimedOut;
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut })
        {
            return HealthProbeResult.TimedOut;
        }
        catch (HttpRequestException)
        {
            return HealthProbeResult.ConnectionFailed;
        }
    }

    public void Dispose() => _client.Dispose();
}
