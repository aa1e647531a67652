using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// Shapes a forwarded request as an ALB does: the client's Host header kept (not 127.0.0.1:port),
/// X-Forwarded-For appended, X-Forwarded-Proto/Port set to the listener's, an X-Amzn-Trace-Id added.
/// </summary>
/// <param name="listenerPort">The listener port the client connected to, for X-Forwarded-Port.</param>
/// <param name="timeProvider">The clock for the trace id's timestamp.</param>
internal sealed class AlbForwardingTransformer(int listenerPort, TimeProvider timeProvider) : HttpTransformer
{
    private const string ForwardedFor = "X-Forwarded-For";
    private const string ForwardedProto = "X-Forwarded-Proto";
    private const string ForwardedPort = "X-Forwarded-Port";
    private const string TraceId = "X-Amzn-Trace-Id";

    private readonly string _listenerPort = listenerPort.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(proxyRequest);
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);

        var request = httpContext.Request;
        proxyRequest.Headers.Host = request.Host.HasValue ? request.Host.Value : null;

        var client = httpContext.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1";
        var existing = request.Headers[ForwardedFor].ToString();
        proxyRequest.Headers.Remove(ForwardedFor);
        proxyRequest.Headers.TryAddWithoutValidation(ForwardedFor, string.IsNullOrEmpty(existing) ? client : $"{existing}, {client}");

        proxyRequest.Headers.Remove(ForwardedProto);
        proxyRequest.Headers.TryAddWithoutValidation(ForwardedProto, "http");
        proxyRequest.Headers.Remove(ForwardedPort);
        proxyRequest.Headers.TryAddWithoutValidation(ForwardedPort, _listenerPort);

        if (!proxyRequest.Headers.Contains(TraceId))
        {
            proxyRequest.Headers.TryAddWithoutValidation(TraceId, NewTraceId());
        }
    }

    private string NewTraceId()
    {
        // Root=1-{epoch seconds, 8 hex}-{96 random bits, 24 hex}, the X-Ray format an ALB uses.
        var seconds = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        Span<byte> random = stackalloc byte[12];
        RandomNumberGenerator.Fill(random);
        return string.Create(CultureInfo.InvariantCulture, $"Root=1-{seconds:x8}-{Convert.ToHexStringLower(random)}");
    }
}
