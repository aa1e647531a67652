using System.Collections.Concurrent;
using AlbBuilder.LocalCloud.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>A loopback test backend that records what reached it and answers a settable status.</summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, int> _answered = new();
    private int _statusCode;

    private RecordingServer(WebApplication app, int statusCode)
    {
        _app = app;
        _statusCode = statusCode;
    }

    public int Port { get; private set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        set => Volatile.Write(ref _statusCode, value);
    }

    public static async Task<RecordingServer> StartAsync(int statusCode = 200)
    {
        var app = LoopbackWebHost.Create(0, NullLoggerFactory.Instance);
        var server = new RecordingServer(app, statusCode);
        app.Run(server.HandleAsync);
        server.Port = await LoopbackWebHost.StartAsync(app, CancellationToken.None);
        return server;
    }

    public int Answered(int statusCode) => _answered.TryGetValue(statusCode, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        Requests.Enqueue(new RecordedRequest(
            context.Request.Path.Value ?? string.Empty,
            headers.Host.ToString(),
            headers.UserAgent.ToString(),
            headers["X-Forwarded-For"].ToString(),
            headers["X-Forwarded-Proto"].ToString(),
            headers["X-Forwarded-Port"].ToString(),
            headers["X-Amzn-Trace-Id"].ToString()));
        var status = StatusCode;
        _answered.AddOrUpdate(status, 1, (_, n) => n + 1);
        context.Response.StatusCode = status;
        return context.Response.WriteAsync("recorded");
    }
}

internal sealed record RecordedRequest(
    string Path, string Host, string UserAgent, string ForwardedFor, string ForwardedProto, string ForwardedPort, string TraceId);
