using System.Collections.Concurrent;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.State;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud;

/// <summary>
/// Breaks one running instance's web server while the instance keeps running, as a crashed, failing or hung httpd
/// would: its health checks then fail with AWS's reasons (<c>Target.FailedHealthChecks</c>,
/// <c>Target.ResponseCodeMismatch</c>, <c>Target.Timeout</c>), the load balancer stops routing to it once it is
/// <c>unhealthy</c>, and fails open to every target when none is healthy. A fault survives a stop/start until cleared.
/// </summary>
public sealed class LocalCloudDataPlaneFaults : IAsyncDisposable
{
    private readonly CloudState _state;
    private readonly Action _changed;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ConcurrentDictionary<string, Fault> _faults = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal LocalCloudDataPlaneFaults(CloudState state, Action changed, ILoggerFactory? loggerFactory)
    {
        _state = state;
        _changed = changed;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Stops the instance's web server: connections to port 80 are refused (health: <c>Target.FailedHealthChecks</c>; the load balancer answers 502 until it notices).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the fault is in place.</returns>
    /// <exception cref="ArgumentException">No such instance.</exception>
    public Task StopWebServerAsync(string instanceId, CancellationToken cancellationToken = default) =>
        SetAsync(instanceId, new Fault(FaultKind.Refuse, null), cancellationToken);

    /// <summary>Makes the instance's web server answer every request with <paramref name="statusCode"/> (health: <c>Target.ResponseCodeMismatch</c>).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="statusCode">A 5xx status; 500 by default.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the fault is in place.</returns>
    /// <exception cref="ArgumentException">No such instance.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The status is not 500–599.</exception>
    public async Task Answer5xxAsync(string instanceId, int statusCode = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        var server = await FaultWebServer.StartAsync(statusCode, _loggerFactory, cancellationToken).ConfigureAwait(false);
        await SetAsync(instanceId, new Fault(FaultKind.Answer, server), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the instance's web server accept connections and never answer (health: <c>Target.Timeout</c>; clients time out).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the fault is in place.</returns>
    /// <exception cref="ArgumentException">No such instance.</exception>
    public async Task HangAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var server = await FaultWebServer.StartAsync(null, _loggerFactory, cancellationToken).ConfigureAwait(false);
        await SetAsync(instanceId, new Fault(FaultKind.Answer, server), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Repairs the instance's web server; its target needs the healthy threshold of passing checks to serve again.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the fault is gone.</returns>
    public async Task ClearAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_faults.TryRemove(instanceId, out var old))
            {
                _changed();
                await old.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Clears every fault.</summary>
    /// <returns>A task that completes when every fault server is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _faults.Keys)
        {
            await ClearAsync(id).ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    /// <summary>Where a faulted instance's port 80 leads now, or <see langword="null"/> when it has no fault.</summary>
    internal int? LoopbackPortOf(string instanceId, int instancePort, int refusingPort) =>
        instancePort == 80 && _faults.TryGetValue(instanceId, out var fault)
            ? fault.Server?.Port ?? refusingPort
            : null;

    private async Task SetAsync(string instanceId, Fault fault, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
            lock (_state.Gate)
            {
                if (!_state.Instances.ContainsKey(instanceId))
                {
                    throw new ArgumentException($"LocalCloud has no instance '{instanceId}'.", nameof(instanceId));
                }
            }

            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await fault.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        try
        {
            _faults.TryGetValue(instanceId, out var old);
            _faults[instanceId] = fault;
            _changed();
            if (old is not null)
            {
                await old.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private enum FaultKind
    {
        Refuse,
        Answer,
    }

    private sealed record Fault(FaultKind Kind, FaultWebServer? Server) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
