using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// Runs ALB-style active health checks for one target group: one check loop per registered target on
/// the group's interval (from <see cref="TimeProvider"/>), thresholds, matcher, reason codes, draining; it keeps
/// the group's <see cref="Pool"/> (what the front door round-robins over) in step. The check itself is the probe's.
/// </summary>
/// <remarks>
/// The control plane tells the checker where each target is through the resolver, asked before every
/// check and on <see cref="Reevaluate"/>. To stop an instance without failed requests, make the resolver
/// answer <see cref="TargetEndpoint.NotRunning"/>, call <see cref="Reevaluate"/>, then stop the server.
/// To start it again, start the server (same port), update the resolver, then call <see cref="Reevaluate"/>.
/// </remarks>
internal sealed partial class TargetHealthChecker : IAsyncDisposable
{
    private readonly Func<TargetKey, TargetEndpoint> _resolver;
    private readonly ITargetHealthProbe _probe;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<TargetKey, CheckedTarget> _targets = [];
    private TargetHealthCheckSettings _settings;
    private HealthCheckMatcher _matcher;
    private bool _inUse;
    private bool _disposed;

    /// <summary>Initializes a new checker. No check runs until a target is registered.</summary>
    /// <param name="settings">The health check settings (time-scaled).</param>
    /// <param name="resolver">Tells the checker where a target is right now.</param>
    /// <param name="probe">Performs one check (the caller owns it: <see cref="HttpHealthProbe"/>, or a scripted one in tests).</param>
    /// <param name="timeProvider">The clock for intervals, timeouts, delays and timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/> for none.</param>
    /// <param name="inUse">Whether a listener rule uses the group; when <see langword="false"/> targets show <c>unused</c>/<c>Target.NotInUse</c> and are not checked.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public TargetHealthChecker(
        TargetHealthCheckSettings settings,
        Func<TargetKey, TargetEndpoint> resolver,
        ITargetHealthProbe probe,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        bool inUse = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(probe);
        _matcher = settings.Validate();
        _settings = settings;
        _resolver = resolver;
        _probe = probe;
        _inUse = inUse;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TargetHealthChecker>();
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

    /// <summary>Gets the group's routing pool: the targets a front door may send to, and the round robin over them.</summary>
    public TargetPool Pool { get; } = new();

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
                var entry = new CheckedTarget(new TargetHealthRecord(key, now));
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
            Pool.Update([]);
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

        _disposeCts.Dispose();
    }
}
