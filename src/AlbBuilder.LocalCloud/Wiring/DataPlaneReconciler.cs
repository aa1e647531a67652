using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// Starts and stops the data plane's parts to match the control-plane state: a web server per booted instance,
/// a health checker per target group, a front door per listener of an active load balancer. Passes run on one
/// background loop; many signals coalesce into one pass.
/// </summary>
internal sealed partial class DataPlaneReconciler : IAsyncDisposable
{
    private readonly CloudState _state;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly Func<string, TargetKey, TargetEndpoint> _resolveTarget;
    private readonly Func<string, RouteDecision> _route;
    private readonly bool _publish;
    private readonly ConcurrentDictionary<string, InstanceWebServer> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TargetHealthChecker> _checkers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FrontDoor> _frontDoors = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Socket _refusingSocket;
    private readonly HttpHealthProbe _probe;
    private readonly Task _loop;

    /// <param name="state">The cloud state.</param>
    /// <param name="resolveTarget">Where a target of a group is now (asked by the checkers).</param>
    /// <param name="route">Where a request to a listener goes (asked by the front doors).</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/>.</param>
    /// <param name="publish">Listen on listener ports and public addresses where possible (<see cref="LocalCloudOptions.PublishDataPlane"/>).</param>
    public DataPlaneReconciler(
        CloudState state,
        Func<string, TargetKey, TargetEndpoint> resolveTarget,
        Func<string, RouteDecision> route,
        ILoggerFactory? loggerFactory,
        bool publish = false)
    {
        _publish = publish;
        _state = state;
        _resolveTarget = resolveTarget;
        _route = route;
        _loggerFactory = loggerFactory;
        _logger = (loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<DataPlaneReconciler>();

        // A bound socket that never listens: connecting to its port is refused, as a port nothing serves on is.
        _refusingSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _refusingSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        RefusingPort = ((IPEndPoint)_refusingSocket.LocalEndPoint!).Port;
        _probe = new HttpHealthProbe(state.Time);
        _loop = Task.Run(() => RunAsync(_lifetime.Token));
    }

    /// <summary>Gets what each instance's web server runs before the seed page (<see cref="LocalCloudOptions.ConfigureInstance"/>).</summary>
    public Action<LocalInstanceInfo, IApplicationBuilder>? ConfigureInstance { get; init; }

    /// <summary>Gets a loopback port that refuses connections (a port nothing listens on inside an instance).</summary>
    public int RefusingPort { get; }

    /// <summary>Gets every loopback port the data plane listens on now (instance servers and front doors).</summary>
    public IReadOnlyList<int> ListeningPorts =>
        [.. _servers.Values.Select(s => s.Port), .. _frontDoors.Values.Select(d => d.Port)];

    /// <summary>Asks for a pass soon; many signals coalesce into one.</summary>
    public void Signal()
    {
        // Routing follows instance states before the API call that changed them returns: once DescribeTargetHealth
        // says a stopped instance's target is unused, no request may reach it. Servers and front doors follow in the pass.
        ReevaluateCheckers();
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already pending.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    /// <summary>The health checker of a target group, if it runs.</summary>
    public TargetHealthChecker? CheckerOf(string targetGroupArn) => _checkers.GetValueOrDefault(targetGroupArn);

    /// <summary>The loopback port of a listener's front door, or <see langword="null"/> while it does not listen.</summary>
    public int? FrontDoorPortOf(string listenerArn) => _frontDoors.TryGetValue(listenerArn, out var door) ? door.Port : null;

    /// <summary>The public address an instance's web server listens on too (port 80), or <see langword="null"/>.</summary>
    public System.Net.IPAddress? PublicAddressOf(string instanceId) =>
        _servers.TryGetValue(instanceId, out var server) && server.IsRunning ? server.PublicAddress : null;

    /// <summary>The loopback port behind an instance's port: its web server for port 80 while it runs, else a refusing port.</summary>
    public int LoopbackPortOf(string instanceId, int instancePort) =>
        instancePort == Reachability.InstanceHttpPort && _servers.TryGetValue(instanceId, out var server) && server.IsRunning
            ? server.Port
            : RefusingPort;

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ended by cancellation.
        }

        foreach (var door in _frontDoors.Values)
        {
            await door.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var checker in _checkers.Values)
        {
            await checker.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_servers.Values.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
        _frontDoors.Clear();
        _checkers.Clear();
        _servers.Clear();
        _probe.Dispose();
        _refusingSocket.Dispose();
        _signal.Dispose();
        _lifetime.Dispose();
    }

    private void ReevaluateCheckers()
    {
        foreach (var checker in _checkers.Values)
        {
            try
            {
                checker.Reevaluate();
            }
            catch (ObjectDisposedException)
            {
                // Removed by a concurrent pass.
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await ReconcileAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed pass must not end the data plane; the next signal retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogReconcileFailed(ex);

                // Try again soon even if nothing else changes.
                _state.Scheduler.After(TimeSpan.FromMilliseconds(200), Signal);
            }
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        DesiredDataPlane desired;
        lock (_state.Gate)
        {
            desired = DesiredDataPlane.From(_state);
        }

        await ReconcileCheckersAsync(desired).ConfigureAwait(false);

        // Routing follows instance states before any server stops (no failed request on an emulator stop).
        ReevaluateCheckers();
        if (await ReconcileServersAsync(desired, cancellationToken).ConfigureAwait(false))
        {
            ReevaluateCheckers();
        }

        await ReconcileFrontDoorsAsync(desired, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checkers, settings, in-use and registrations follow the target groups.</summary>
    private async Task ReconcileCheckersAsync(DesiredDataPlane desired)
    {
        foreach (var (arn, checker) in _checkers)
        {
            if (!desired.TargetGroups.ContainsKey(arn))
            {
                _checkers.TryRemove(arn, out _);
                await checker.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var (arn, group) in desired.TargetGroups)
        {
            if (!_checkers.TryGetValue(arn, out var checker))
            {
                var groupArn = arn;
                checker = new TargetHealthChecker(group.HealthCheck, key => _resolveTarget(groupArn, key), _probe, _state.Time, _loggerFactory, group.InUse);
                _checkers[arn] = checker;
            }
            else if (checker.Settings != group.HealthCheck)
            {
                checker.UpdateSettings(group.HealthCheck);
            }

            checker.SetInUse(group.InUse);
            var registered = checker.GetSnapshot().Where(s => s.State != TargetHealthState.Draining).Select(s => s.Key).ToHashSet();
            foreach (var key in registered.Where(k => !group.Targets.Contains(k)))
            {
                // LocalCloud's control plane shows draining itself; the checker just stops routing at once.
                checker.Deregister(key, TimeSpan.Zero);
            }

            foreach (var key in group.Targets.Where(k => !registered.Contains(k)))
            {
                checker.Register(key);
            }
        }
    }

    /// <summary>Instance web servers follow the booted instances; true when one started.</summary>
    private async Task<bool> ReconcileServersAsync(DesiredDataPlane desired, CancellationToken cancellationToken)
    {
        foreach (var (id, server) in _servers)
        {
            if (!desired.ServingInstances.ContainsKey(id))
            {
                _servers.TryRemove(id, out _);
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }

        var started = false;
        foreach (var (id, (dnsName, port, publicIp)) in desired.ServingInstances)
        {
            if (_servers.ContainsKey(id))
            {
                continue;
            }

            var publicBinding = _publish && publicIp is not null ? new PublicBinding(publicIp, () => AdmitsPublicClient(publicIp)) : null;
            var server = await StartServerAsync(id, dnsName, port, publicBinding, cancellationToken).ConfigureAwait(false);
            lock (_state.Gate)
            {
                if (_state.Instances.TryGetValue(id, out var instance) && instance.State == InstanceState.Running && instance.WebServerReady)
                {
                    instance.WebServerPort = server.Port;
                    _servers[id] = server;
                    server = null;
                    started = true;
                }
            }

            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                Signal();
            }
        }

        return started;
    }

    /// <summary>Front doors follow the listeners of active load balancers, one each.</summary>
    private async Task ReconcileFrontDoorsAsync(DesiredDataPlane desired, CancellationToken cancellationToken)
    {
        foreach (var (arn, door) in _frontDoors)
        {
            if (!desired.Listeners.ContainsKey(arn))
            {
                _frontDoors.TryRemove(arn, out _);
                await door.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var (arn, port) in desired.Listeners)
        {
            if (!_frontDoors.ContainsKey(arn))
            {
                _frontDoors[arn] = await StartFrontDoorAsync(arn, port, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A front door on the listener's own port when publishing and it can be bound, else on a free loopback port.</summary>
    private async Task<FrontDoor> StartFrontDoorAsync(string listenerArn, int listenerPort, CancellationToken cancellationToken)
    {
        if (_publish)
        {
            try
            {
                return await FrontDoor.StartAsync(listenerPort, _ => _route(listenerArn), listenerPort, _loggerFactory, _state.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or UnauthorizedAccessException)
            {
                // In use (another load balancer's listener, another program) or privileged: a mapped port, which GetUrls shows.
            }
        }

        return await FrontDoor.StartAsync(listenerPort, _ => _route(listenerArn), port: null, _loggerFactory, _state.Time, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InstanceWebServer> StartServerAsync(string instanceId, string dnsName, int? port, PublicBinding? publicBinding, CancellationToken cancellationToken)
    {
        var configure = InstanceBehaviour(instanceId, dnsName);
        try
        {
            return await InstanceWebServer.StartAsync(dnsName, port, publicBinding, _loggerFactory, configure, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (port is not null)
        {
            // The old port was taken meanwhile: a new one (the connect handler reads the registry anew).
            return await InstanceWebServer.StartAsync(dnsName, null, publicBinding, _loggerFactory, configure, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a browser on this machine may open the instance's public address (its security groups, port 80).</summary>
    private bool AdmitsPublicClient(System.Net.IPAddress publicIp)
    {
        lock (_state.Gate)
        {
            return Reachability.ResolveClient(_state, publicIp.ToString(), InstanceWebServer.PublicHttpPort).InstanceId is not null;
        }
    }

    /// <summary>The instance's own behaviour, if the options give one (LocalCloud does not run user data).</summary>
    private Action<IApplicationBuilder>? InstanceBehaviour(string instanceId, string dnsName)
    {
        if (ConfigureInstance is not { } configure)
        {
            return null;
        }

        byte[] userData;
        lock (_state.Gate)
        {
            userData = _state.Instances.TryGetValue(instanceId, out var instance) ? instance.UserData : [];
        }

        var info = new LocalInstanceInfo(instanceId, dnsName, System.Text.Encoding.UTF8.GetString(userData));
        return app => configure(info, app);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LocalCloud could not bring the data plane in step with the control plane.")]
    private partial void LogReconcileFailed(Exception exception);
}
