using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// One load balancer listener's data plane: a Kestrel server on 127.0.0.1 that asks the control plane's
/// routing callback what to do with each request and forwards with YARP's <see cref="IHttpForwarder"/>
/// (no YARP config, clusters or health checks). One front door per listener, so the listener port
/// (X-Forwarded-Port) is known without parsing anything, and a listener can be deleted on its own.
/// </summary>
internal sealed class FrontDoor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Func<HttpContext, RouteDecision> _route;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpTransformer _transformer;
    private readonly ForwarderRequestConfig _requestConfig;
    private int _stopped;

    private FrontDoor(int listenerPort, Func<HttpContext, RouteDecision> route, WebApplication app, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ListenerPort = listenerPort;
        _route = route;
        _app = app;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<FrontDoor>();
        _forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        _invoker = new HttpMessageInvoker(LoopbackConnectHandler.CreateLoopbackOnlyHandler(), disposeHandler: true);
        _transformer = new AlbForwardingTransformer(listenerPort, timeProvider);
        _requestConfig = new ForwarderRequestConfig
        {
            // Kestrel backends speak HTTP/1.1 over plain http; asking for HTTP/2 there gives 502.
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            ActivityTimeout = TimeSpan.FromSeconds(60), // the ALB's default idle timeout
        };
    }

    /// <summary>Gets the listener port clients address (80 in <c>http://my-alb-…elb.amazonaws.com/</c>).</summary>
    public int ListenerPort { get; }

    /// <summary>Gets the 127.0.0.1 port the front door listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Starts a front door for one listener.</summary>
    /// <param name="listenerPort">The listener's port (for X-Forwarded-Port).</param>
    /// <param name="route">Decides per request: forward to a loopback port, answer a status, redirect or reject. Runs on the request thread; keep it fast.</param>
    /// <param name="port">The loopback port to bind, or <see langword="null"/> for a free one.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/> for none (<c>Yarp</c> and <c>Microsoft.AspNetCore</c> are kept at Warning).</param>
    /// <param name="timeProvider">The clock for trace ids; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running front door.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The listener port is not 1–65535.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<FrontDoor> StartAsync(
        int listenerPort,
        Func<HttpContext, RouteDecision> route,
        int? port = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(listenerPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listenerPort, 65535);
        ArgumentNullException.ThrowIfNull(route);
        var quiet = QuietLoggerProvider.CreateFactory(loggerFactory);
        WebApplication? app = null;
        FrontDoor? door = null;
        try
        {
            app = LoopbackWebHost.Create(port ?? 0, quiet, services => services.AddHttpForwarder());
            door = new FrontDoor(listenerPort, route, app, quiet, timeProvider ?? TimeProvider.System);
            app.Run(door.HandleAsync);
            door.Port = await LoopbackWebHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
            DataPlaneLog.Listening(door._logger, "Front door for listener port " + listenerPort, door.Port);
            return door;
        }
        catch
        {
            door?._invoker.Dispose();
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            quiet.Dispose();
            throw;
        }
    }

    /// <summary>Stops listening; the port refuses connections afterwards. Safe to call twice.</summary>
    /// <param name="cancellationToken">Cuts the graceful shutdown short.</param>
    /// <returns>A task that completes when the listener is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops and releases the front door.</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _invoker.Dispose();
        _loggerFactory.Dispose();
    }

    /// <summary>The HTML page an ALB sends with a status it generates itself.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns>The page.</returns>
    internal static string ErrorPage(int statusCode)
    {
        var phrase = statusCode == StatusCodes.Status503ServiceUnavailable
            ? "Service Temporarily Unavailable"
            : ReasonPhrases.GetReasonPhrase(statusCode);
        return $"<html>\r\n<head><title>{statusCode} {phrase}</title></head>\r\n<body>\r\n<center><h1>{statusCode} {phrase}</h1></center>\r\n</body>\r\n</html>\r\n";
    }

    private async Task HandleAsync(HttpContext context)
    {
        RouteDecision decision;
        try
        {
            decision = _route(context);
        }
        catch (Exception ex)
        {
            DataPlaneLog.RouteFailed(_logger, ex);
            decision = RouteDecision.Respond(StatusCodes.Status500InternalServerError);
        }

        switch (decision.Action)
        {
            case RouteAction.Reject:
                context.Abort();
                return;
            case RouteAction.Redirect:
                context.Response.StatusCode = decision.StatusCode;
                context.Response.Headers.Location = decision.Destination!.OriginalString;
                await WriteAlbPageAsync(context.Response, decision.StatusCode).ConfigureAwait(false);
                return;
            case RouteAction.Respond:
                context.Response.StatusCode = decision.StatusCode;
                if (decision.Body is null)
                {
                    await WriteAlbPageAsync(context.Response, decision.StatusCode).ConfigureAwait(false);
                }
                else
                {
                    context.Response.ContentType = decision.ContentType ?? "text/plain; charset=utf-8";
                    await context.Response.WriteAsync(decision.Body, context.RequestAborted).ConfigureAwait(false);
                }

                return;
            default:
                var error = await _forwarder.SendAsync(
                    context, decision.Destination!.ToString(), _invoker, _requestConfig, _transformer).ConfigureAwait(false);
                if (error != ForwarderError.None && !context.Response.HasStarted)
                {
                    // YARP set 502 (cannot connect) or 504 (timeout) but no body; an ALB sends its page.
                    await WriteAlbPageAsync(context.Response, context.Response.StatusCode).ConfigureAwait(false);
                }

                return;
        }
    }

    private static Task WriteAlbPageAsync(HttpResponse response, int statusCode)
    {
        response.Headers.Server = "awselb/2.0";
        if (statusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            return Task.CompletedTask; // these statuses carry no body
        }

        response.ContentType = "text/html";
        var body = Encoding.ASCII.GetBytes(ErrorPage(statusCode));
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(response.HttpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, response.HttpContext.RequestAborted).AsTask();
    }
}
