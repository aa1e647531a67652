using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Tests.Traffic;

public sealed class TrafficVerifierTests
{
    private static readonly Uri _url = new("http://demo-alb-123.us-east-1.elb.amazonaws.com/");

    // A guard against a hung test, not a timing assertion.
    private static readonly TimeSpan _hangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task VerifyAsync_RoundRobinOverTwo_EvenAndBalanced()
    {
        var handler = FakeBackendHandler.RoundRobin("ip-172-31-1-10.ec2.internal", "ip-172-31-2-20.ec2.internal");

        var report = await TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler });

        Assert.Equal(20, report.Total);
        Assert.True(report.AllSucceeded);
        Assert.Equal(2, report.DistinctBackends);
        Assert.Equal(10, report.CountFor("ip-172-31-1-10.ec2.internal"));
        Assert.Equal(10, report.CountFor("ip-172-31-2-20.ec2.internal"));
        Assert.True(report.IsBalanced);
        Assert.Equal(20, handler.RequestUris.Count);
    }

    [Fact]
    public async Task VerifyAsync_OneBackendServesAll_NotBalancedAgainstExpected()
    {
        var handler = FakeBackendHandler.RoundRobin("a");

        var report = await TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, ExpectedBackends = ["a", "b"] });

        Assert.True(report.AllSucceeded);
        Assert.False(report.IsBalanced);
        Assert.Equal(["b"], report.MissingBackends);
    }

    [Fact]
    public async Task VerifyAsync_CustomExtractor_UsesIt()
    {
        var handler = new FakeBackendHandler((i, _, _) => Task.FromResult(FakeBackendHandler.Text($"{{\"server\":\"node-{i % 3}\"}}")));
        var options = new TrafficOptions
        {
            Handler = handler,
            Requests = 9,
            BackendExtractor = body => body.Split('"')[3],
        };

        var report = await TrafficVerifier.VerifyAsync(_url, options);

        Assert.Equal(["node-0", "node-1", "node-2"], report.Backends.Select(b => b.Backend));
        Assert.All(report.Backends, b => Assert.Equal(3, b.Count));
    }

    [Fact]
    public async Task VerifyAsync_BodyWithoutMarker_CountedAsUnknownBackend()
    {
        var handler = new FakeBackendHandler((i, _, _) => Task.FromResult(
            i % 2 == 0 ? FakeBackendHandler.Page("a") : FakeBackendHandler.Text("<h1>It works!</h1>")));

        var report = await TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, Requests = 10, MaxConcurrency = 1 });

        Assert.Equal(10, report.Succeeded);
        Assert.Equal(5, report.UnknownBackend);
        Assert.Equal([new BackendCount("a", 5)], report.Backends);
    }

    [Fact]
    public async Task VerifyAsync_StatusAndTransportFailures_GroupedByReason()
    {
        var refused = new SocketException((int)SocketError.ConnectionRefused);
        var handler = new FakeBackendHandler((i, _, _) => (i % 4) switch
        {
            0 => Task.FromResult(FakeBackendHandler.Page("a")),
            1 => Task.FromResult(FakeBackendHandler.Text("Bad Gateway", HttpStatusCode.BadGateway)),
            2 => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (demo:80)", refused)),
            _ => Task.FromResult(FakeBackendHandler.Text("Service Unavailable", HttpStatusCode.ServiceUnavailable)),
        });

        var report = await TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, Requests = 8 });

        Assert.Equal(2, report.Succeeded);
        Assert.Equal(6, report.Failed);
        Assert.Equal(
            [new TrafficFailure("502", 2), new TrafficFailure("503", 2), new TrafficFailure($"HttpRequestException: {refused.Message}", 2)],
            report.Failures);
        Assert.All(report.Samples.Where(s => s.Failure == "502"), s => Assert.Equal(502, s.StatusCode));
    }

    [Fact]
    public async Task VerifyAsync_LatencyFromTimeProvider_Percentiles()
    {
        var time = new FakeTimeProvider();
        var handler = new FakeBackendHandler((i, _, _) =>
        {
            time.Advance(TimeSpan.FromMilliseconds(i + 1)); // request i takes i+1 ms
            return Task.FromResult(FakeBackendHandler.Page("a"));
        });
        var options = new TrafficOptions { Handler = handler, Requests = 100, MaxConcurrency = 1, TimeProvider = time };

        var report = await TrafficVerifier.VerifyAsync(_url, options);

        Assert.Equal(TimeSpan.FromMilliseconds(50), report.Latency.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(90), report.Latency.P90);
        Assert.Equal(TimeSpan.FromMilliseconds(99), report.Latency.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(100), report.Latency.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(5050), report.Elapsed);
    }

    [Fact]
    public async Task VerifyAsync_MaxConcurrency_NeverExceeded()
    {
        const int Bound = 4;
        var inFlight = 0;
        var maxInFlight = 0;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeBackendHandler(async (i, _, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now == Bound)
            {
                full.TrySetResult();
            }

            // The first requests wait until the bound is reached, so the probe must actually run that many at once.
            await full.Task.WaitAsync(_hangGuard);
            Interlocked.Decrement(ref inFlight);
            return FakeBackendHandler.Page($"b{i % 2}");
        });

        var report = await TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, Requests = 20, MaxConcurrency = Bound });

        Assert.Equal(20, report.Succeeded);
        Assert.Equal(Bound, maxInFlight);
    }

    [Fact]
    public async Task VerifyAsync_SlowBackend_PerRequestTimeoutFailsOnlyThatRequest()
    {
        var time = new FakeTimeProvider();
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeBackendHandler(async (i, _, ct) =>
        {
            if (i == 0)
            {
                slowStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return FakeBackendHandler.Page("fast");
        });
        var options = new TrafficOptions { Handler = handler, Requests = 3, MaxConcurrency = 3, TimeProvider = time, PerRequestTimeout = TimeSpan.FromSeconds(5) };

        var verify = TrafficVerifier.VerifyAsync(_url, options);
        await slowStarted.Task.WaitAsync(_hangGuard);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(verify.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var report = await verify.WaitAsync(_hangGuard);

        Assert.Equal(2, report.Succeeded);
        Assert.Equal([new TrafficFailure("Timeout", 1)], report.Failures);
        Assert.Equal(TimeSpan.FromSeconds(5), report.Samples[0].Latency);
    }

    [Fact]
    public async Task VerifyAsync_HandlerGivesUpOnItsOwn_CountedAsTimeoutNotAborted()
    {
        // e.g. SocketsHttpHandler's connect timeout: a cancellation that isn't the caller's fails only that request.
        var handler = new FakeBackendHandler((i, _, _) => i == 1
            ? Task.FromException<HttpResponseMessage>(new TaskCanceledException("connect timed out", new TimeoutException()))
            : Task.FromResult(FakeBackendHandler.Page("a")));

        var report = await TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, Requests = 4 });

        Assert.Equal(3, report.Succeeded);
        Assert.Equal([new TrafficFailure("Timeout", 1)], report.Failures);
    }

    [Fact]
    public async Task VerifyAsync_Cancelled_ThrowsInsteadOfReportingTimeouts()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeBackendHandler(async (_, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return FakeBackendHandler.Page("never");
        });

        var verify = TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Handler = handler, TimeProvider = new FakeTimeProvider() }, cts.Token);
        await started.Task.WaitAsync(_hangGuard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => verify.WaitAsync(_hangGuard));
    }

    [Fact]
    public async Task VerifyAsync_Path_ResolvedAgainstUrl()
    {
        var handler = FakeBackendHandler.RoundRobin("a");

        await TrafficVerifier.VerifyAsync(new Uri("http://lab.example:8080/"), new TrafficOptions { Handler = handler, Requests = 1, Path = "/health?probe=1" });

        Assert.Equal(new Uri("http://lab.example:8080/health?probe=1"), Assert.Single(handler.RequestUris));
    }

    [Fact]
    public async Task VerifyAsync_BadOptionsAndUrl_Throw()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => TrafficVerifier.VerifyAsync(_url, new TrafficOptions { Requests = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => TrafficVerifier.VerifyAsync(new Uri("ftp://lab.example/")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => TrafficVerifier.VerifyAsync(null!));
    }

    [Fact]
    public async Task VerifyAsync_RealLoopbackListener_DefaultHandlerCountsBackends()
    {
        // The one test over real sockets: the default SocketsHttpHandler path against an HttpListener on 127.0.0.1.
        var port = FreeLoopbackPort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }

                var body = System.Text.Encoding.UTF8.GetBytes($"<h1>Hello World from host-{i % 2}</h1>\n");
                context.Response.ContentType = "text/html";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });

        var report = await TrafficVerifier.VerifyAsync(new Uri($"http://127.0.0.1:{port}/"), new TrafficOptions { Requests = 10, MaxConcurrency = 1 });
        await stop.CancelAsync();
        listener.Stop();
        await server.WaitAsync(_hangGuard);

        Assert.True(report.AllSucceeded, report.ToString());
        Assert.Equal([new BackendCount("host-0", 5), new BackendCount("host-1", 5)], report.Backends);
        Assert.True(report.IsBalanced);
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
