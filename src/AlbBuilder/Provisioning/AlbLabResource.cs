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
    private readonly LabInventory _inventory = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger;
    private volatile LabState _state = LabState.NotStarted;
    private bool _disposed;
    private bool _failedBeforeAnyCall;

    public AlbLabResource(AlbLabDefinition definition, LabServices services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        _definition = definition;
        _services = services;
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
            var reporter = new LabProgress(Name, progress, _services.TimeProvider, _logger);
            var journal = new LabJournal();
            LabProvisioner provisioner;
            try
            {
                provisioner = new LabProvisioner(_definition, _services, _inventory, journal, reporter);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Creating the default clients resolves credentials (AWS SDK v4 does it in the constructor).
                _state = LabState.Failed;
                _failedBeforeAnyCall = true;
                throw new AlbLabException(
                    LabClientFailure.Describe(Name, ex),
                    ex,
                    "CreateClients",
                    [],
                    []);
            }

            try
            {
                await provisioner.RunAsync(cancellationToken).ConfigureAwait(false);
                _state = LabState.Running;
            }
            catch (LabStepException failure)
            {
                _state = LabState.Failed;
                var exception = await RollBackAsync(failure, journal, provisioner.Found, reporter).ConfigureAwait(false);
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

    private async Task<AlbLabException> RollBackAsync(LabStepException failure, LabJournal journal, FoundLab? found, LabProgress reporter)
    {
        var plan = journal.ToTeardownPlan();
        var strays = _definition.CleanUp ? await FindStraysAsync(found, plan).ConfigureAwait(false) : TeardownPlan.Empty;
        plan = plan.Union(strays);
        var created = journal.Entries.Select(e => e.ToString()).Concat(strays.Describe().Select(d => d + " (created, but its response was lost)")).ToList();
        var cause = failure.InnerException ?? failure;
        var message = $"Lab {Name}: step {failure.Step} failed: {cause.Message.TrimEnd()}";
        if (!message.EndsWith('.'))
        {
            message += ".";
        }

        if (created.Count == 0)
        {
            return new AlbLabException(message + " Nothing had been created.", cause, failure.Step, created, []);
        }

        if (!_definition.CleanUp)
        {
            return new AlbLabException(
                $"{message} Clean-up is off, so these are left in place (tagged {LabTags.Lab}={Name}): {string.Join(", ", created)}.",
                cause,
                failure.Step,
                created,
                []);
        }

        reporter.Started("Rollback", $"Removing what this start created: {string.Join(", ", created)}");

        // A fresh token: the caller's may be the reason we are here. The teardown bounds itself by its timeout.
        var teardown = new LabTeardown(_services.Ec2, _services.ElasticLoadBalancing, _services.TimeProvider, reporter, _definition.Timeouts.Teardown, _definition.PollInterval, Name);
        var result = await teardown.RunAsync(plan, CancellationToken.None).ConfigureAwait(false);

        // A create cancelled mid-call can land after the first search (the service still serves it): look once more.
        var late = result.Succeeded ? await FindStraysAsync(found, plan).ConfigureAwait(false) : TeardownPlan.Empty;
        if (!late.IsEmpty)
        {
            created.AddRange(late.Describe().Select(d => d + " (created, but its response was lost)"));
            plan = plan.Union(late);
            var second = await new LabTeardown(_services.Ec2, _services.ElasticLoadBalancing, _services.TimeProvider, reporter, _definition.Timeouts.Teardown, _definition.PollInterval, Name)
                .RunAsync(late, CancellationToken.None).ConfigureAwait(false);
            result = new TeardownResult([.. result.Removed, .. second.Removed], [.. result.Errors, .. second.Errors]);
        }

        ForgetRolledBack(found);

        if (result.Succeeded)
        {
            reporter.Completed("Rollback", "Rolled back");
            return new AlbLabException($"{message} Created: {string.Join(", ", created)}. Rolled back: {string.Join(", ", result.Removed)}.", cause, failure.Step, created, result.Removed);
        }

        var left = plan.Describe().Except(result.Removed, StringComparer.Ordinal).ToList();
        reporter.Failed("Rollback", $"Could not remove: {string.Join(", ", left)}", result.Errors[0]);
        return new AlbLabException(
            $"{message} Created: {string.Join(", ", created)}. Rolled back: {(result.Removed.Count == 0 ? "nothing" : string.Join(", ", result.Removed))}. " +
            $"Rollback failed ({result.Errors[0].Message}); still there (tagged {LabTags.Lab}={Name}, remove with DestroyAsync): {string.Join(", ", left)}.",
            cause,
            failure.Step,
            created,
            result.Removed);
    }

    /// <summary>
    /// Resources of this lab that appeared during the start without being journaled: a create whose response was lost
    /// (timeout, cancellation mid-call) still created something. Found by tag, minus what existed before the start.
    /// Best effort: when the lookup fails, the rollback goes on with the journal alone.
    /// </summary>
    private async Task<TeardownPlan> FindStraysAsync(FoundLab? before, TeardownPlan journaled)
    {
        if (before is null)
        {
            return TeardownPlan.Empty;
        }

        using var deadline = new CancellationTokenSource(_definition.Timeouts.Teardown, _services.TimeProvider);
        try
        {
            var after = await LabFinder.FindAsync(_services.Ec2, _services.ElasticLoadBalancing, _definition, deadline.Token).ConfigureAwait(false);
            return after.ToTeardownPlan().Except(before.ToTeardownPlan()).Except(journaled);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or OperationCanceledException or HttpRequestException)
        {
            return TeardownPlan.Empty;
        }
    }

    /// <summary>After a rollback only what existed before the start (adopted resources) is still the lab's.</summary>
    private void ForgetRolledBack(FoundLab? found)
    {
        var labId = found?.LabId;
        _inventory.Clear();
        if (found is null || !found.Any)
        {
            return;
        }

        _inventory.LabId = labId;
        Remember(found);
    }

    private void Remember(FoundLab found)
    {
        _inventory.LabId = found.LabId;
        _inventory.LoadBalancerSecurityGroupId = found.LoadBalancerSecurityGroup?.GroupId;
        _inventory.InstanceSecurityGroupId = found.InstanceSecurityGroup?.GroupId;
        _inventory.TargetGroupArn = found.TargetGroup?.TargetGroupArn;
        _inventory.LoadBalancerArn = found.LoadBalancer?.LoadBalancerArn;
        _inventory.LoadBalancerDnsName = found.LoadBalancer?.DNSName;
        _inventory.ListenerArn = found.Listener?.ListenerArn;
        _inventory.VpcId = found.LoadBalancer?.VpcId ?? found.TargetGroup?.VpcId ?? found.InstanceSecurityGroup?.VpcId ?? found.LoadBalancerSecurityGroup?.VpcId;
        _inventory.SubnetIds = [.. (found.LoadBalancer?.AvailabilityZones ?? [])
            .Where(az => az.SubnetId is not null)
            .OrderBy(az => az.ZoneName, StringComparer.Ordinal)
            .Select(az => az.SubnetId!)];
        foreach (var (index, instance) in found.Instances)
        {
            if (instance.InstanceId is { } id)
            {
                _inventory.SetInstance(index, id);
            }
        }
    }

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
        List<TargetDescription> targets = [.. resources.InstanceIds.Select(id => new TargetDescription { Id = id, Port = _definition.TargetPort })];
        try
        {
            await _services.ElasticLoadBalancing.WaitUntilTargetsInServiceAsync(
                resources.TargetGroupArn,
                targets,
                LabWaits.Options(_services.TimeProvider, timeout ?? _definition.Timeouts.TargetsHealthy, _definition.PollInterval, reporter, "WaitTargetsHealthy"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (WaiterException ex)
        {
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
            reporter.Started("Teardown", $"Looking for resources tagged {LabTags.Lab}={Name}");
            var found = await LabFinder.FindAsync(_services.Ec2, _services.ElasticLoadBalancing, _definition, cancellationToken).ConfigureAwait(false);
            var plan = found.ToTeardownPlan();
            var teardown = new LabTeardown(_services.Ec2, _services.ElasticLoadBalancing, _services.TimeProvider, reporter, _definition.Timeouts.Teardown, _definition.PollInterval, Name);
            var result = await teardown.RunAsync(plan, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new AlbLabException(
                    $"Lab {Name}: teardown incomplete: {result.Errors[0].Message}. Removed: {(result.Removed.Count == 0 ? "nothing" : string.Join(", ", result.Removed))}. Run DestroyAsync again to resume.",
                    result.Errors.Count == 1 ? result.Errors[0] : new AggregateException(result.Errors),
                    "Teardown",
                    [],
                    result.Removed);
            }

            _inventory.Clear();
            _state = LabState.Destroyed;
            reporter.Completed("Teardown", result.Removed.Count == 0 ? "Nothing left to remove" : $"Removed {string.Join(", ", result.Removed)}");
        }
        catch
        {
            _state = previous == LabState.Destroyed ? LabState.Destroyed : LabState.Failed;
            throw;
        }
    }

    public Task<TrafficReport> VerifyTrafficAsync(TrafficOptions? options = null, CancellationToken cancellationToken = default) =>
        LabTraffic.VerifyAsync(this, _services, options, cancellationToken);

    public Task<DrillReport> RunFailoverDrillAsync(DrillOptions? options = null, IProgress<DrillEvent>? progress = null, CancellationToken cancellationToken = default) =>
        LabTraffic.RunDrillAsync(this, _services, _definition, options, progress, cancellationToken);

    /// <summary>
    /// Tears the lab down when clean-up is on and this object started it (an attached lab is only torn down by an explicit
    /// <see cref="DestroyAsync"/>), then disposes the clients the lab created.
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
                        await DestroyCoreAsync(null, CancellationToken.None).ConfigureAwait(false);
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
