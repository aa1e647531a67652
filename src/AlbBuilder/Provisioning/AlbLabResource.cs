using System.Globalization;
using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Health;
using AlbBuilder.Waiters;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab resource behind <see cref="IAlbLab"/>: start (with adoption and rollback), attach, status, teardown.
/// Operations that change the lab run one at a time (a semaphore), so two concurrent starts run one after the other.
/// </summary>
internal sealed class AlbLabResource : IAlbLab
{
    private readonly AlbLabDefinition _definition;
    private readonly LabServices _services;
    private readonly LabContext _lab;
    private readonly ILabStartOrder _order;
    private readonly LabInventory _inventory = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger;
    private volatile LabState _state = LabState.NotStarted;
    private bool _disposed;
    private bool _failedBeforeAnyCall;

    // What disposing may delete: the whole lab only if this object created it from nothing; otherwise only what its own
    // starts created (another lab object or process may be using the rest — adoption is by name).
    private bool _createdWholeLab;
    private LabResourceSet _created = LabResourceSet.Empty;

    // Cancelled by AbandonRollback: the rollback of the start in progress stops and leaves the rest, tagged.
    private volatile CancellationTokenSource _abandonRollback = new();

    public AlbLabResource(AlbLabDefinition definition, LabServices services)
        : this(definition, services, LabStartGraph.Instance)
    {
    }

    /// <summary>With another start order: the benchmark's sequential baseline (docs/performance.md); nothing else uses it.</summary>
    internal AlbLabResource(AlbLabDefinition definition, LabServices services, ILabStartOrder order)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        _definition = definition;
        _services = services;
        _lab = new LabContext(definition, services);
        _order = order;
        _logger = services.LoggerFactory.CreateLogger("AlbBuilder.Lab");
    }

    public string Name => _definition.Name;

    public LabState State => _state;

    public LabResources Resources => _inventory.Snapshot();

    public Uri? Url => _inventory.LoadBalancerDnsName is { Length: > 0 } dns
        ? new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{dns}:{_definition.ListenerPort}/"))
        : null;

    internal LabServices Services => _services;

    internal AlbLabDefinition Definition => _definition;

    /// <summary>
    /// Creates or completes the lab. On failure, rolls back what this call created (when clean-up is on) and throws
    /// <see cref="AlbLabException"/>; on cancellation, rolls back the same way with a fresh token bounded by the teardown
    /// timeout and throws <see cref="OperationCanceledException"/> whose InnerException is that <see cref="AlbLabException"/>.
    /// </summary>
    public async Task StartAsync(IProgress<LabEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state == LabState.Running)
            {
                return;
            }

            _state = LabState.Starting;
            _failedBeforeAnyCall = false;
            var abandon = _abandonRollback = new CancellationTokenSource();
            using var activity = LabActivities.Start(Name, LabStep.Start);
            var reporter = new LabProgress(Name, progress, _services.TimeProvider, _logger);
            try
            {
                // Creating the default clients resolves credentials (AWS SDK v4 does it in the constructor).
                _ = _services.Ec2;
                _ = _services.ElasticLoadBalancing;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _state = LabState.Failed;
                _failedBeforeAnyCall = true;
                LabActivities.Failed(activity, ex);
                throw new AlbLabException(
                    LabClientFailure.Describe(Name, ex),
                    ex,
                    LabStep.CreateClients,
                    LabResourceSet.Empty,
                    LabResourceSet.Empty);
            }

            var journal = new LabJournal();
            var provisioner = new LabProvisioner(_lab, _order, _inventory, journal, reporter);
            try
            {
                await provisioner.RunAsync(cancellationToken).ConfigureAwait(false);
                Owns(provisioner.Found, journal.Created);
                _state = LabState.Running;
                LabActivities.Tag(activity, _inventory.Resources.IdsOf(LabResourceKind.LoadBalancer) is [var arn] ? new LabResource(LabResourceKind.LoadBalancer, arn) : null);
                LabActivities.Succeeded(activity);
            }
            catch (LabStepException failure)
            {
                _state = LabState.Failed;
                LabActivities.Failed(activity, failure.InnerException ?? failure);
                var exception = await new LabRollback(_lab, reporter).RunAsync(failure, journal.Created, provisioner.Found, abandon.Token).ConfigureAwait(false);
                Owns(provisioner.Found, exception.Created.Except(exception.Removed));
                ForgetRolledBack(provisioner.Found);
                if (cancellationToken.IsCancellationRequested && failure.InnerException is OperationCanceledException)
                {
                    throw new OperationCanceledException(exception.Message, exception, cancellationToken);
                }

                throw exception;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Remembers what this object created; a start that found nothing created the whole lab (null: the lookup did not finish).</summary>
    private void Owns(FoundLab? found, LabResourceSet created)
    {
        _created = _created.Union(created);
        if (found is not null)
        {
            _createdWholeLab = !found.Any;
        }
    }

    /// <summary>After a rollback only what existed before the start (adopted resources) is still the lab's.</summary>
    private void ForgetRolledBack(FoundLab? found)
    {
        _inventory.Clear();
        if (found is not null && found.Any)
        {
            Remember(found);
        }
    }

    private void Remember(FoundLab found)
    {
        _inventory.Adopt(found);
        _inventory.SetNetwork(found.VpcId, found.SubnetIds);
    }

    public void AbandonRollback() => _abandonRollback.Cancel();

    public async Task<bool> AttachAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var found = await LabFinder.FindAsync(_services.Ec2, _services.ElasticLoadBalancing, _definition, cancellationToken).ConfigureAwait(false);
            if (!found.Any)
            {
                return false;
            }

            _inventory.Clear();
            Remember(found);
            _state = LabState.Attached;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return LabStatusReader.ReadAsync(_services.Ec2, _services.ElasticLoadBalancing, _inventory.Snapshot(), _services.TimeProvider, cancellationToken);
    }

    public async Task<LabStatus> WaitForHealthyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var resources = _inventory.Snapshot();
        if (resources.TargetGroupArn is null || resources.InstanceIds.Count == 0)
        {
            throw new InvalidOperationException($"Lab {Name} has no target group or instances yet: start or attach it first.");
        }

        var reporter = new LabProgress(Name, null, _services.TimeProvider, _logger);
        using var activity = LabActivities.Start(Name, LabStep.WaitTargetsHealthy, new LabResource(LabResourceKind.TargetGroup, resources.TargetGroupArn));
        try
        {
            await LabTargetGroup.WaitHealthyAsync(
                _lab, resources.TargetGroupArn, resources.InstanceIds, timeout ?? _definition.Timeouts.TargetsHealthy, reporter, afterInstanceStart: false, cancellationToken).ConfigureAwait(false);
            LabActivities.Succeeded(activity);
        }
        catch (WaiterException ex)
        {
            LabActivities.Failed(activity, ex);
            throw new AlbLabException($"Lab {Name}: the targets did not all become healthy: {ex.Message}", ex);
        }

        return await GetStatusAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds the lab's resources by their ownership tags (so only those are touched, whoever created them) and deletes
    /// them in dependency order. NotFound counts as done, so it can be repeated.
    /// </summary>
    public async Task DestroyAsync(IProgress<LabEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DestroyCoreAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DestroyCoreAsync(IProgress<LabEvent>? progress, CancellationToken cancellationToken)
    {
        var previous = _state;
        _state = LabState.Destroying;
        var reporter = new LabProgress(Name, progress, _services.TimeProvider, _logger);
        try
        {
            var result = await new LabTeardown(_lab, reporter).RunAsStepAsync(
                $"Looking for resources tagged {LabTags.Lab}={Name}",
                async ct => (await LabFinder.FindAsync(_lab.Ec2, _lab.Elb, _definition, ct).ConfigureAwait(false)).Resources,
                r => $"Lab {Name}: teardown incomplete: {r.Errors[0].Message}. Removed: {r.Removed}. Run DestroyAsync again to resume.",
                cancellationToken).ConfigureAwait(false);
            _inventory.Clear();
            _state = LabState.Destroyed;
            reporter.Completed(LabStep.Teardown, result.Removed.IsEmpty ? "Nothing left to remove" : $"Removed {result.Removed}");
        }
        catch
        {
            _state = previous == LabState.Destroyed ? LabState.Destroyed : LabState.Failed;
            throw;
        }
    }

    private async Task DisposeOwnAsync()
    {
        if (_createdWholeLab)
        {
            await DestroyCoreAsync(null, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (_created.IsEmpty)
        {
            return;
        }

        var reporter = new LabProgress(Name, null, _services.TimeProvider, _logger);
        try
        {
            var result = await new LabTeardown(_lab, reporter).RunAsStepAsync(
                $"Removing what this lab object created (the rest was adopted): {_created}",
                _ => Task.FromResult(_created),
                r => $"Lab {Name}: could not remove what this lab object created: {r.Errors[0].Message}. Removed: {r.Removed}. Still there: {_created.Except(r.Removed)}.",
                CancellationToken.None).ConfigureAwait(false);
            _created = LabResourceSet.Empty;
            reporter.Completed(LabStep.Teardown, $"Removed {result.Removed}; kept the adopted resources");
        }
        catch (AlbLabException ex)
        {
            _created = _created.Except(ex.Removed);
            throw;
        }
    }

    public Task<TrafficReport> VerifyTrafficAsync(TrafficOptions? options = null, CancellationToken cancellationToken = default) =>
        LabTraffic.VerifyAsync(this, _services, options, cancellationToken);

    public Task<DrillReport> RunFailoverDrillAsync(DrillOptions? options = null, IProgress<DrillEvent>? progress = null, CancellationToken cancellationToken = default) =>
        LabTraffic.RunDrillAsync(this, _lab, options, progress, cancellationToken);

    /// <summary>
    /// With clean-up on, tears down what this object created: the whole lab when its start created it from nothing;
    /// after adopting (a lab of the same name another object or process may be using, or one a crashed start left),
    /// only what its own starts added. Taking a lab over is explicit:
    /// <see cref="DestroyAsync(IProgress{LabEvent}, CancellationToken)"/>. An attached lab is never torn down here.
    /// Then disposes the clients the lab created.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (_definition.CleanUp)
            {
                // Inside the gate: a start still running finishes first, then its outcome decides.
                await _gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    if (_state is LabState.Running || (_state is LabState.Failed && !_failedBeforeAnyCall))
                    {
                        await DisposeOwnAsync().ConfigureAwait(false);
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        finally
        {
            _disposed = true;
            _services.DisposeOwnedClients();
        }
    }
}
