using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// Runs ALB-style active health checks for one target group: one check loop per registered target on
/// the group's interval (from <see cref="TimeProvider"/>), thresholds, matcher, reason codes, draining,
/// and the routable set the front door round-robins over.
/// </summary>
/// <remarks>
/// The control plane tells the checker where each target is through the resolver, asked before every
/// check and on <see cref="Reevaluate"/>. To stop an instance without failed requests, make the resolver
/// answer <see cref="TargetEndpoint.NotRunning"/>, call <see cref="Reevaluate"/>, then stop the server.
/// To start it again, start the server (same port), update the resolver, then call <see cref="Reevaluate"/>.
/// </remarks>
internal sealed class TargetHealthChecker : IAsyncDisposable
{
    private const string UserAgent = "ELB-HealthChecker/2.0";

    private readonly Func<TargetKey, TargetEndpoint> _resolver;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<TargetKey, Entry> _targets = [];
    private TargetHealthCheckSettings _settings;
    private HealthCheckMatcher _matcher;
    private bool _inUse;
    private bool _disposed;
    private RoutableTarget[] _routable = [];
    private int _roundRobin = -1;

    /// <summary>Initializes a new checker. No check runs until a target is registered.</summary>
    /// <param name="settings">The health check settings (time-scaled).</param>
    /// <param name="resolver">Tells the checker where a target is right now.</param>
    /// <param name="timeProvider">The clock for intervals, timeouts, delays and timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/> for none.</param>
    /// <param name="inUse">Whether a listener rule uses the group; when <see langword="false"/> targets show <c>unused</c>/<c>Target.NotInUse</c> and are not checked.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public TargetHealthChecker(
        TargetHealthCheckSettings settings,
        Func<TargetKey, TargetEndpoint> resolver,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        bool inUse = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resolver);
        _matcher = settings.Validate();
        _settings = settings;
        _resolver = resolver;
        _inUse = inUse;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TargetHealthChecker>();
        _client = new HttpClient(LoopbackConnectHandler.CreateLoopbackOnlyHandler(), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the check's own timeout applies
        };
    }

    /// <summary>Raised outside any lock, on the thread that made the change (a check loop, or the caller of Register/Deregister/Reevaluate/SetInUse), after a target's state or the routable set changed.</summary>
    public event EventHandler? HealthChanged;

    /// <summary>Gets the current settings.</summary>
    public TargetHealthCheckSettings Settings
    {
        get
        {
            lock (_lock)
            {
                return _settings;
            }
        }
    }

    /// <summary>
    /// Gets the targets to route to: the healthy ones; when none is healthy, every registered target whose
    /// instance runs (fail-open); never stopped, draining or not-in-use ones.
    /// </summary>
    public ImmutableArray<RoutableTarget> RoutableTargets => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _routable));

    /// <summary>Registers a target (or re-registers a draining one): <c>initial</c> until its first check passes.</summary>
    /// <param name="key">The target.</param>
    /// <returns><see langword="true"/> when added or revived; <see langword="false"/> when already registered.</returns>
    /// <exception cref="ObjectDisposedException">The checker is disposed.</exception>
    public bool Register(TargetKey key)
    {
        var endpoint = Resolve(key);
        bool changed;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            if (_targets.TryGetValue(key, out var existing))
            {
                if (existing.Record.State != TargetHealthState.Draining)
                {
                    return false;
                }

                existing.CancelDrain();
                existing.Record.MarkReregistered(now);
                existing.Record.LastEndpoint = endpoint;
                if (!_inUse)
                {
                    existing.Record.MarkNotInUse(now);
                }

                ApplyEndpoint(existing.Record, endpoint, now);
                StartLoop(existing);
            }
            else
            {
                var entry = new Entry(new TargetHealthRecord(key, now));
                entry.Record.LastEndpoint = endpoint;
                if (!_inUse)
                {
                    entry.Record.MarkNotInUse(now);
                }

                ApplyEndpoint(entry.Record, endpoint, now);
                _targets.Add(key, entry);
                StartLoop(entry);
            }

            changed = true;
            RecomputeRoutable();
        }

        RaiseChanged(changed);
        return true;
    }

    /// <summary>
    /// Deregisters a target: <c>draining</c> (no new requests, no checks) for the delay, then gone.
    /// </summary>
    /// <param name="key">The target.</param>
    /// <param name="deregistrationDelay">The (time-scaled) deregistration delay; zero removes it at once.</param>
    /// <returns><see langword="true"/> when the target was registered.</returns>
    public bool Deregister(TargetKey key, TimeSpan deregistrationDelay)
    {
        lock (_lock)
        {
            if (_disposed || !_targets.TryGetValue(key, out var entry) || entry.Record.State == TargetHealthState.Draining)
            {
                return false;
            }

            entry.StopLoop();
            if (deregistrationDelay <= TimeSpan.Zero)
            {
                _targets.Remove(key);
            }
            else
            {
                entry.Record.MarkDraining(_timeProvider.GetUtcNow());
                var drain = entry.StartDrain(_disposeCts.Token);
                _ = DrainAsync(entry, deregistrationDelay, drain);
            }

            RecomputeRoutable();
        }

        RaiseChanged(true);
        return true;
    }

    /// <summary>
    /// Asks the resolver about every target now and applies running/not-running at once (no check runs):
    /// call after stopping or starting an instance so routing follows without waiting for a check.
    /// </summary>
    public void Reevaluate()
    {
        TargetKey[] keys;
        lock (_lock)
        {
            keys = [.. _targets.Keys];
        }

        var endpoints = keys.Select(k => (Key: k, Endpoint: Resolve(k))).ToArray();
        var changed = false;
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var (key, endpoint) in endpoints)
            {
                if (_targets.TryGetValue(key, out var entry) && entry.Record.State != TargetHealthState.Draining)
                {
                    entry.Record.LastEndpoint = endpoint;
                    changed |= ApplyEndpoint(entry.Record, endpoint, now);
                }
            }

            changed |= RecomputeRoutable();
        }

        RaiseChanged(changed);
    }

    /// <summary>Sets whether a listener rule uses the group (ALB only checks targets of groups in use).</summary>
    /// <param name="inUse">Whether the group is in use.</param>
    public void SetInUse(bool inUse)
    {
        var changed = false;
        lock (_lock)
        {
            if (_inUse == inUse)
            {
                return;
            }

            _inUse = inUse;
            var now = _timeProvider.GetUtcNow();
            foreach (var entry in _targets.Values)
            {
                changed |= inUse ? entry.Record.MarkInUse(now) : entry.Record.MarkNotInUse(now);
            }

            changed |= RecomputeRoutable();
        }

        RaiseChanged(changed);
    }

    /// <summary>Replaces the settings (ModifyTargetGroup); running loops pick them up at their next tick.</summary>
    /// <param name="settings">The new settings.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public void UpdateSettings(TargetHealthCheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var matcher = settings.Validate();
        lock (_lock)
        {
            _settings = settings;
            _matcher = matcher;
        }
    }

    /// <summary>Copies every registered target's health.</summary>
    /// <returns>The snapshots, ordered by instance id and port.</returns>
    public IReadOnlyList<TargetHealthSnapshot> GetSnapshot()
    {
        lock (_lock)
        {
            return [.. _targets.Values
                .Select(e => e.Record.ToSnapshot())
                .OrderBy(s => s.Key.InstanceId, StringComparer.Ordinal)
                .ThenBy(s => s.Key.Port)];
        }
    }

    /// <summary>One target's health; <c>unused</c>/<c>Target.NotRegistered</c> when it is not registered.</summary>
    /// <param name="key">The target.</param>
    /// <returns>The snapshot.</returns>
    public TargetHealthSnapshot GetHealth(TargetKey key)
    {
        lock (_lock)
        {
            return _targets.TryGetValue(key, out var entry)
                ? entry.Record.ToSnapshot()
                : new TargetHealthSnapshot(
                    key,
                    TargetHealthState.Unused,
                    TargetHealthReasons.NotRegistered,
                    TargetHealthReasons.NotRegisteredDescription,
                    _timeProvider.GetUtcNow());
        }
    }

    /// <summary>
    /// Picks the next routable target round-robin: forward to its loopback port; 503 when there is none;
    /// 504 for a target whose security group drops the load balancer's traffic (as an ALB times out).
    /// </summary>
    /// <returns>The decision.</returns>
    public RouteDecision NextRoute()
    {
        var targets = RoutableTargets;
        if (targets.IsEmpty)
        {
            return RouteDecision.NoTargets;
        }

        var index = (int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)targets.Length);
        return targets[index].LoopbackPort is int port ? RouteDecision.Forward(port) : RouteDecision.Respond(504);
    }

    /// <summary>Stops every check and drain; the checker cannot be used afterwards.</summary>
    /// <returns>A task that completes when the loops have ended.</returns>
    public async ValueTask DisposeAsync()
    {
        Task[] loops;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            loops = [.. _targets.Values.Select(e => e.Loop).OfType<Task>()];
            foreach (var entry in _targets.Values)
            {
                entry.StopLoop();
                entry.CancelDrain();
            }

            _targets.Clear();
            _routable = [];
        }

        await _disposeCts.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Loops end by cancellation.
        }

        _client.Dispose();
        _disposeCts.Dispose();
    }

    private static bool ApplyEndpoint(TargetHealthRecord record, TargetEndpoint endpoint, DateTimeOffset now) =>
        endpoint.Reachability == TargetReachability.NotRunning
            ? record.MarkNotRunning(endpoint.InstanceState ?? "stopped", now)
            : record.MarkRunning(now);

    private TargetEndpoint Resolve(TargetKey key)
    {
        try
        {
            return _resolver(key);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A resolver bug must not kill the loop; treat the target as unreachable.
            DataPlaneLog.ResolverFailed(_logger, key, ex);
            return TargetEndpoint.NotRunning("unknown");
        }
    }

    private void StartLoop(Entry entry)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_disposeCts.Token);
        var token = cts.Token; // read before StopLoop can dispose the source
        entry.SetLoop(cts, Task.Run(() => RunChecksAsync(entry, token), CancellationToken.None));
    }

    private async Task RunChecksAsync(Entry entry, CancellationToken cancellationToken)
    {
        var interval = Settings.Interval;
        try
        {
            using var timer = new PeriodicTimer(interval, _timeProvider);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await CheckOnceAsync(entry, cancellationToken).ConfigureAwait(false);
                var current = Settings.Interval;
                if (current != interval)
                {
                    interval = current;
                    timer.Period = current;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deregistered or disposed.
        }
        catch (Exception ex)
        {
            DataPlaneLog.LoopFailed(_logger, entry.Record.Key, ex);
        }
    }

    private async Task CheckOnceAsync(Entry entry, CancellationToken cancellationToken)
    {
        var endpoint = Resolve(entry.Record.Key);
        TargetHealthCheckSettings settings;
        HealthCheckMatcher matcher;
        int generation;
        var changed = false;
        lock (_lock)
        {
            if (!IsCurrent(entry) || !_inUse)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            entry.Record.LastEndpoint = endpoint;
            changed |= ApplyEndpoint(entry.Record, endpoint, now);
            if (entry.Record.IsChecked)
            {
                changed |= entry.Record.BeginCheck(now);
            }

            changed |= RecomputeRoutable();
            settings = _settings;
            matcher = _matcher;
            generation = entry.Record.Generation;
        }

        RaiseChanged(changed);
        if (endpoint.Reachability == TargetReachability.NotRunning)
        {
            return;
        }

        var result = await ProbeAsync(endpoint, settings, matcher, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (!IsCurrent(entry) || entry.Record.Generation != generation)
            {
                return; // stopped, deregistered or reset while the check ran
            }

            changed = entry.Record.Apply(result, settings.HealthyThreshold, settings.UnhealthyThreshold, _timeProvider.GetUtcNow());
            changed |= RecomputeRoutable();
        }

        if (changed)
        {
            DataPlaneLog.StateChanged(_logger, entry.Record.Key, entry.Record.State.ToWireValue(), entry.Record.Reason ?? "-");
        }

        RaiseChanged(changed);
    }

    private async Task<HealthProbeResult> ProbeAsync(
        TargetEndpoint endpoint, TargetHealthCheckSettings settings, HealthCheckMatcher matcher, CancellationToken cancellationToken)
    {
        if (endpoint.Reachability == TargetReachability.Blocked)
        {
            // A security group drops packets silently: the check waits out its timeout.
            await Task.Delay(settings.Timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return HealthProbeResult.TimedOut;
        }

        using var timeoutCts = new CancellationTokenSource(settings.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{endpoint.LoopbackPort}{settings.Path}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // An ALB checks the target's private IP, not the loopback port the emulator listens on.
        request.Headers.Host = endpoint.PrivateIpAddress;
        request.Headers.UserAgent.ParseAdd(UserAgent);
        try
        {
            using var response = await _client.SendAsync(request, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return matcher.Matches(code) ? HealthProbeResult.Pass : HealthProbeResult.Mismatch(code);
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

    private bool IsCurrent(Entry entry) =>
        !_disposed && _targets.TryGetValue(entry.Record.Key, out var current) && ReferenceEquals(current, entry);

    private async Task DrainAsync(Entry entry, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // re-registered or disposed
        }

        var changed = false;
        lock (_lock)
        {
            if (IsCurrent(entry) && entry.Record.State == TargetHealthState.Draining)
            {
                _targets.Remove(entry.Record.Key);
                RecomputeRoutable();
                changed = true;
            }
        }

        RaiseChanged(changed);
    }

    // Caller holds _lock.
    private bool RecomputeRoutable()
    {
        var healthy = ImmutableArray.CreateBuilder<RoutableTarget>();
        var failOpen = ImmutableArray.CreateBuilder<RoutableTarget>();
        foreach (var entry in _targets.Values.OrderBy(e => e.Record.Key.InstanceId, StringComparer.Ordinal).ThenBy(e => e.Record.Key.Port))
        {
            var record = entry.Record;
            if (!record.IsChecked || record.LastEndpoint is not { Reachability: not TargetReachability.NotRunning } endpoint)
            {
                continue;
            }

            var target = new RoutableTarget(record.Key, endpoint.LoopbackPort);
            if (record.State == TargetHealthState.Healthy)
            {
                healthy.Add(target);
            }

            failOpen.Add(target);
        }

        var routable = healthy.Count > 0 ? healthy.ToArray() : failOpen.ToArray();
        if (routable.SequenceEqual(_routable))
        {
            return false;
        }

        Volatile.Write(ref _routable, routable);
        return true;
    }

    private void RaiseChanged(bool changed)
    {
        if (!changed)
        {
            return;
        }

        try
        {
            HealthChanged?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex)
        {
            DataPlaneLog.HandlerFailed(_logger, ex);
        }
    }

    private sealed class Entry(TargetHealthRecord record)
    {
        private CancellationTokenSource? _loopCts;
        private CancellationTokenSource? _drainCts;

        public TargetHealthRecord Record { get; } = record;

        public Task? Loop { get; private set; }

        public void SetLoop(CancellationTokenSource cts, Task loop)
        {
            _loopCts = cts;
            Loop = loop;
        }

        public void StopLoop()
        {
            _loopCts?.Cancel();
            _loopCts?.Dispose();
            _loopCts = null;
        }

        public CancellationToken StartDrain(CancellationToken disposeToken)
        {
            _drainCts = CancellationTokenSource.CreateLinkedTokenSource(disposeToken);
            return _drainCts.Token;
        }

        public void CancelDrain()
        {
            _drainCts?.Cancel();
            _drainCts?.Dispose();
            _drainCts = null;
        }
    }
}
