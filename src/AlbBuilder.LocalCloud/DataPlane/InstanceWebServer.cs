using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// The web server of one emulated instance: what the seed's user data (httpd + an index page) serves,
/// on 127.0.0.1. <c>/</c> and <c>/index.html</c> answer <c>&lt;h1&gt;Hello World from {private DNS name}&lt;/h1&gt;</c>;
/// other paths 404 as Apache does for a missing file. Stopping it makes its port refuse connections;
/// a restarted instance starts a new server on the same port. LocalCloud does not run user data: a test gives an
/// instance its own behaviour with <see cref="LocalCloudOptions.ConfigureInstance"/>, which this pipeline runs first.
/// </summary>
internal sealed class InstanceWebServer : IAsyncDisposable
{
    /// <summary>The port the public address serves on (the seed's httpd).</summary>
    public const int PublicHttpPort = 80;

    private const string HealthCheckerAgentPrefix = "ELB-HealthChecker/";

    private static readonly object CountedKey = new();

    private const string NotFoundPage =
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n"
        + "<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n";

    private const string MethodNotAllowedPage =
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>405 Method Not Allowed</title>\n</head><body>\n"
        + "<h1>Method Not Allowed</h1>\n<p>The requested method is not allowed for this URL.</p>\n</body></html>\n";

    private readonly WebApplication _app;
    private readonly ILoggerFactory _loggerFactory;
    private readonly byte[] _indexPage;
    private readonly Func<bool>? _admitsPublicClient;
    private long _requestCount;
    private long _healthCheckCount;
    private int _stopped;

    private InstanceWebServer(string privateDnsName, WebApplication app, ILoggerFactory loggerFactory, PublicBinding? publicBinding)
    {
        PrivateDnsName = privateDnsName;
        PublicAddress = publicBinding?.Address;
        _admitsPublicClient = publicBinding?.AdmitsClient;
        _app = app;
        _loggerFactory = loggerFactory;
        _indexPage = Encoding.UTF8.GetBytes($"<h1>Hello World from {privateDnsName}</h1>\n");
    }

    /// <summary>Gets the private DNS name the page greets with, for example <c>ip-10-0-1-23.ec2.internal</c>.</summary>
    public string PrivateDnsName { get; }

    /// <summary>Gets the 127.0.0.1 port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Gets the public address the server also listens on (port 80), or <see langword="null"/> when it does not.</summary>
    public IPAddress? PublicAddress { get; }

    /// <summary>Gets whether the server has not been stopped.</summary>
    public bool IsRunning => Volatile.Read(ref _stopped) == 0;

    /// <summary>Gets the number of requests served, health checks excluded.</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Gets the number of health check requests (User-Agent <c>ELB-HealthChecker/…</c>) served.</summary>
    public long HealthCheckCount => Interlocked.Read(ref _healthCheckCount);

    /// <summary>Starts a server on 127.0.0.1.</summary>
    /// <param name="privateDnsName">The instance's private DNS name, shown on the page.</param>
    /// <param name="port">The port to bind (a restarted instance passes its old port), or <see langword="null"/> for a free one.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static Task<InstanceWebServer> StartAsync(
        string privateDnsName, int? port = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        StartAsync(privateDnsName, port, null, loggerFactory, configure: null, cancellationToken);

    /// <summary>Starts a server on 127.0.0.1 and, when it can be bound, also on the instance's public address, port 80.</summary>
    /// <param name="privateDnsName">The instance's private DNS name, shown on the page.</param>
    /// <param name="port">The loopback port to bind (a restarted instance passes its old port), or <see langword="null"/> for a free one.</param>
    /// <param name="publicBinding">The public address and who may connect to it (its security groups), or <see langword="null"/>.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/> for none.</param>
    /// <param name="configure">The instance's own behaviour (LocalCloud does not run user data), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; <see cref="PublicAddress"/> is null when the public address could not be bound.</returns>
    /// <exception cref="IOException">The loopback port is in use.</exception>
    public static async Task<InstanceWebServer> StartAsync(
        string privateDnsName, int? port, PublicBinding? publicBinding, ILoggerFactory? loggerFactory, Action<IApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        if (publicBinding is not null)
        {
            try
            {
                return await StartCoreAsync(privateDnsName, port, publicBinding, loggerFactory, configure, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or UnauthorizedAccessException)
            {
                // Port 80 of the public address needs root (or a low ip_unprivileged_port_start): loopback only, then.
            }
        }

        return await StartCoreAsync(privateDnsName, port, null, loggerFactory, configure, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<InstanceWebServer> StartCoreAsync(
        string privateDnsName, int? port, PublicBinding? publicBinding, ILoggerFactory? loggerFactory, Action<IApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateDnsName);
        var quiet = QuietLoggerProvider.CreateFactory(loggerFactory);
        WebApplication? app = null;
        try
        {
            var alsoOn = publicBinding is null ? null : new IPEndPoint(publicBinding.Address, PublicHttpPort);
            app = LoopbackWebHost.Create(port ?? 0, quiet, alsoOn: alsoOn);
            var server = new InstanceWebServer(privateDnsName, app, quiet, publicBinding);
            if (configure is not null)
            {
                // Counted before the instance's own pipeline, which may answer without reaching the seed page.
                app.Use((context, next) =>
                {
                    server.Count(context.Request);
                    context.Items[CountedKey] = true;
                    return next(context);
                });
                configure(app);
            }

            app.Run(server.HandleAsync);
            server.Port = await LoopbackWebHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
            DataPlaneLog.Listening(quiet.CreateLogger<InstanceWebServer>(), privateDnsName, server.Port);
            return server;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            quiet.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server; its port refuses connections afterwards. Safe to call twice.</summary>
    /// <param name="cancellationToken">Cuts the graceful shutdown short.</param>
    /// <returns>A task that completes when the listener is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
    }

    private Task HandleAsync(HttpContext context)
    {
        if (PublicAddress is not null && PublicAddress.Equals(context.Connection.LocalIpAddress) && _admitsPublicClient?.Invoke() == false)
        {
            // The instance's security groups don't admit port 80 from this machine: as on AWS, the connection fails.
            context.Abort();
            return Task.CompletedTask;
        }

        var request = context.Request;
        var response = context.Response;
        if (!context.Items.ContainsKey(CountedKey))
        {
            Count(request);
        }

        response.Headers.Server = "Apache";
        var isHead = HttpMethods.IsHead(request.Method);
        if (!isHead && !HttpMethods.IsGet(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            return WriteAsync(response, StatusCodes.Status405MethodNotAllowed, "text/html; charset=iso-8859-1", Encoding.ASCII.GetBytes(MethodNotAllowedPage), false);
        }

        var path = request.Path.Value;
        return path is "/" or "/index.html"
            ? WriteAsync(response, StatusCodes.Status200OK, "text/html; charset=UTF-8", _indexPage, isHead)
            : WriteAsync(response, StatusCodes.Status404NotFound, "text/html; charset=iso-8859-1", Encoding.ASCII.GetBytes(NotFoundPage), isHead);
    }

    private void Count(HttpRequest request)
    {
        if (request.Headers.UserAgent.ToString().StartsWith(HealthCheckerAgentPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _healthCheckCount);
        }
        else
        {
            Interlocked.Increment(ref _requestCount);
        }
    }

    private static Task WriteAsync(HttpResponse response, int statusCode, string contentType, byte[] body, bool headOnly)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return headOnly ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}
