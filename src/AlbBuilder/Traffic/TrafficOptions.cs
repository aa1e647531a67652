using System.Globalization;
using Microsoft.Extensions.Options;

namespace AlbBuilder;

/// <summary>How <see cref="TrafficVerifier.VerifyAsync"/> probes a load balancer and judges the distribution.</summary>
/// <remarks>Immutable; derive variants with <c>options with { Requests = 100 }</c>. Validated when used: one exception lists every bad value.</remarks>
public sealed record TrafficOptions
{
    private const string HelloMarker = "Hello World from ";

    /// <summary>How many GET requests to send.</summary>
    /// <value>The default is 20; 1–100 000.</value>
    public int Requests { get; init; } = 20;

    /// <summary>How many requests may be in flight at once.</summary>
    /// <value>The default is 4; 1–1 024.</value>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How long one request (response and body) may take before it counts as a <c>Timeout</c> failure.</summary>
    /// <value>The default is 5 seconds; more than zero and at most 10 minutes.</value>
    public TimeSpan PerRequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a request whose host name does not resolve (yet) is retried before the verification gives up: a new load
    /// balancer's DNS name takes a while to propagate, and those requests are not the load balancer's failures.
    /// </summary>
    /// <value>The default is 5 minutes; 0 (no waiting: such requests fail) to 1 hour.</value>
    public TimeSpan NameResolutionTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far each backend's count may stray from the fair share, as a fraction of that share
    /// (0.25: with 2 backends and 20 attributed responses, each must serve 10 ± 2.5).
    /// </summary>
    /// <value>The default is 0.25; 0–1.</value>
    public double BalanceTolerance { get; init; } = 0.25;

    /// <summary>The path (and query) requested on the load balancer's URL.</summary>
    /// <value>The default is <c>/</c>; must start with <c>/</c>.</value>
    public string Path { get; init; } = "/";

    /// <summary>
    /// Reads the backend's name from a response body; returns null when the body doesn't name one (the response then counts
    /// as served by an unknown backend).
    /// </summary>
    /// <value>The default (null) uses <see cref="ReadHelloWorldHost"/>.</value>
    public Func<string, string?>? BackendExtractor { get; init; }

    /// <summary>
    /// The backends that should share the traffic (what their pages print, e.g. the instances' private DNS names).
    /// <see cref="TrafficReport.IsBalanced"/> requires each of them to serve and no other to.
    /// </summary>
    /// <value>The default (null) expects exactly the backends that answered.</value>
    public IReadOnlyList<string>? ExpectedBackends { get; init; }

    /// <summary>
    /// The handler that sends the requests: LocalCloud's connect handler for the emulator, or null for a fresh
    /// <see cref="SocketsHttpHandler"/> per verification (real AWS). A supplied handler is not disposed.
    /// </summary>
    /// <value>The default is null.</value>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The clock for latencies, sample timestamps and the per-request timeout.</summary>
    /// <value>
    /// The default is null: the lab's clock (<c>WithTimeProvider</c>) when the lab runs it, <see cref="TimeProvider.System"/> otherwise.
    /// An explicit <see cref="TimeProvider.System"/> is honoured as given.
    /// </value>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The clock in use: <see cref="TimeProvider"/>, or the system clock when unset.</summary>
    internal TimeProvider Clock => TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// The default backend extractor: the host after <c>Hello World from </c> in the seed's page, e.g.
    /// <c>&lt;h1&gt;Hello World from ip-172-31-1-10.ec2.internal&lt;/h1&gt;</c> gives <c>ip-172-31-1-10.ec2.internal</c>.
    /// </summary>
    /// <param name="body">The response body.</param>
    /// <returns>The host, or null when the body has no such line.</returns>
    public static string? ReadHelloWorldHost(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var start = body.IndexOf(HelloMarker, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var host = body.AsSpan(start + HelloMarker.Length).TrimStart();
        var end = host.IndexOfAny(['<', ' ', '\t', '\r', '\n']);
        if (end >= 0)
        {
            host = host[..end];
        }

        return host.IsEmpty ? null : host.ToString();
    }

    /// <summary>Checks every setting and throws once, listing every bad value.</summary>
    /// <exception cref="OptionsValidationException">One or more settings are out of range.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (Requests is < 1 or > 100_000)
        {
            problems.Add(Problem(nameof(Requests), Requests, "must be 1–100000"));
        }

        if (MaxConcurrency is < 1 or > 1024)
        {
            problems.Add(Problem(nameof(MaxConcurrency), MaxConcurrency, "must be 1–1024"));
        }

        if (NameResolutionTimeout < TimeSpan.Zero || NameResolutionTimeout > TimeSpan.FromHours(1))
        {
            problems.Add(Problem(nameof(NameResolutionTimeout), NameResolutionTimeout, "must be 0–1 hour"));
        }

        if (PerRequestTimeout <= TimeSpan.Zero || PerRequestTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add(Problem(nameof(PerRequestTimeout), PerRequestTimeout, "must be more than zero and at most 10 minutes"));
        }

        if (double.IsNaN(BalanceTolerance) || BalanceTolerance is < 0 or > 1)
        {
            problems.Add(Problem(nameof(BalanceTolerance), BalanceTolerance, "must be 0–1 (a fraction of the fair share)"));
        }

        if (Path is null || !Path.StartsWith('/'))
        {
            problems.Add(Problem(nameof(Path), Path ?? "null", "must start with '/'"));
        }

        if (ExpectedBackends is not null && ExpectedBackends.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(Problem(nameof(ExpectedBackends), string.Join(", ", ExpectedBackends.Select(b => b ?? "null")), "must not contain empty names"));
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(TrafficOptions), typeof(TrafficOptions), problems);
        }
    }

    private static string Problem(string name, object value, string fix) =>
        string.Create(CultureInfo.InvariantCulture, $"TrafficOptions.{name} = {value}: {fix}");
}
