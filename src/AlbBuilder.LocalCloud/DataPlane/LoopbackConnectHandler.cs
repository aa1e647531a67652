using System.Net;
using System.Net.Sockets;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// Lets an <see cref="HttpClient"/> call <c>http://&lt;alb-dns-name&gt;:80/</c> or
/// <c>http://&lt;instance-public-ip&gt;:80/</c> and reach the emulator's loopback port for it, with the
/// Host header intact. The resolver maps (host, port) to a 127.0.0.1 port; an unknown pair fails like an
/// unreachable host. There is never a DNS lookup and never a connection to anything but 127.0.0.1.
/// </summary>
/// <remarks>
/// <see cref="SocketsHttpHandler"/> pools connections by the request's host:port and the connect callback
/// only runs for new connections: when a backend moves to another loopback port, update the resolver's
/// registry before routing to it (LocalCloud keeps an instance's port across stop/start, so it rarely moves).
/// </remarks>
internal sealed class LoopbackConnectHandler : DelegatingHandler
{
    /// <summary>Initializes a new handler over a <see cref="SocketsHttpHandler"/> from <see cref="CreateSocketsHandler"/>.</summary>
    /// <param name="resolver">Maps the requested host and port to a loopback port, or <see langword="null"/> when nothing listens there.</param>
    public LoopbackConnectHandler(Func<string, int, int?> resolver)
        : base(CreateSocketsHandler(resolver))
    {
    }

    /// <summary>Creates a handler whose connections go to 127.0.0.1:<c>resolver(host, port)</c>.</summary>
    /// <param name="resolver">Maps the requested host and port to a loopback port, or <see langword="null"/> when nothing listens there.</param>
    /// <returns>The handler (proxy, redirects and cookies off).</returns>
    public static SocketsHttpHandler CreateSocketsHandler(Func<string, int, int?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var handler = CreateBaseHandler();
        handler.ConnectCallback = (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var port = context.DnsEndPoint.Port;
            var loopbackPort = resolver(host, port)
                ?? throw new HttpRequestException(
                    HttpRequestError.ConnectionError,
                    $"LocalCloud: nothing answers at {host}:{port} (no load balancer listener or running instance with that address and port).");
            return ConnectLoopbackAsync(loopbackPort, cancellationToken);
        };
        return handler;
    }

    /// <summary>Creates a handler that only connects to request URIs on 127.0.0.1 (used by the health checker and front door).</summary>
    /// <returns>The handler.</returns>
    public static SocketsHttpHandler CreateLoopbackOnlyHandler()
    {
        var handler = CreateBaseHandler();
        handler.ConnectCallback = (context, cancellationToken) =>
        {
            if (!IPAddress.TryParse(context.DnsEndPoint.Host, out var address) || !IPAddress.IsLoopback(address))
            {
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError,
                    $"LocalCloud's data plane only connects to 127.0.0.1, not {context.DnsEndPoint.Host}.");
            }

            return ConnectLoopbackAsync(context.DnsEndPoint.Port, cancellationToken);
        };
        return handler;
    }

    /// <summary>
    /// What the connect callback throws for a name DNS does not resolve (yet): a <see cref="SocketException"/> with
    /// <see cref="SocketError.HostNotFound"/>, which <see cref="SocketsHttpHandler"/> turns into the same
    /// <see cref="HttpRequestException"/> (<see cref="HttpRequestError.NameResolutionError"/>) as for a real NXDOMAIN.
    /// </summary>
    /// <returns>The exception to throw from the connect callback.</returns>
    public static SocketException NameNotResolved() => new((int)SocketError.HostNotFound);

    private static SocketsHttpHandler CreateBaseHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ActivityHeadersPropagator = null,
    };

    private static async ValueTask<Stream> ConnectLoopbackAsync(int loopbackPort, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, loopbackPort), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
