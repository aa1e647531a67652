using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// Stands in for a faulty instance's web server: answers every request with one 5xx status, or never answers (a hung
/// httpd: the connection is accepted, the response never comes). The instance's own server keeps running untouched.
/// </summary>
internal sealed class FaultWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _lifetime = new();

    private FaultWebServer(WebApplication app, ILoggerFactory loggerFactory)
    {
        _app = app;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Gets the 127.0.0.1 port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Starts a server answering <paramref name="statusCode"/>, or hanging when it is <see langword="null"/>.</summary>
    public static async Task<FaultWebServer> StartAsync(int? statusCode, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var quiet = QuietLoggerProvider.CreateFactory(loggerFactory);
        var app = LoopbackWebHost.Create(0, quiet);
        var server = new FaultWebServer(app, quiet);
        app.Run(context => statusCode is int code ? AnswerAsync(context, code) : server.HangAsync(context));
        try
        {
            server.Port = await LoopbackWebHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // End hung requests first so that the shutdown does not wait for them.
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
        _lifetime.Dispose();
    }

    private static Task AnswerAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.Server = "Apache";
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private async Task HangAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _lifetime.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
