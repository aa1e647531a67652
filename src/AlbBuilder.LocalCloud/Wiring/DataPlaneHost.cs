using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// Keeps the data plane in step with the control-plane state: a web server per booted instance, a health
/// checker per target group, a front door per listener of an active load balancer; and answers, with the
/// security groups applied, where a host:port (ALB DNS name, instance public IP) or a target can be reached.
/// </summary>
internal sealed partial class DataPlaneHost : ITargetHealthSource, IAsyncDisposable
{
    /// <summary>The port the emulated httpd listens on inside an instance.</summary>
    public const int InstanceHttpPort = 80;

    private static readonly IPAddress _clientAddress = IPAddress.Loopback;

    private readonly CloudState _state;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, InstanceWebServer> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TargetHealthChecker> _checkers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FrontDoor> _frontDoors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetGroupHealthCheck> _checkerSettings = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Socket _refusingSocket;
    private readonly Task _loop;
    private int _weightedCounter;

    public DataPlaneHost(CloudState state, ILoggerFactory? loggerFactory)
    {
        _state = state;
        _loggerFactory = loggerFactory;
        _logger = (loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<DataPlaneHost>();

        // A bound socket that never listens: connecting to its port is refused, as a port nothing serves on is.
        _refusingSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _refusingSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        RefusingPort = ((IPEndPoint)_refusingSocket.LocalEndPoint!).Port;
        _loop = Task.Run(() => RunAsync(_lifetime.Token));
    }

    /// <summary>Gets a loopback port that refuses connections (a port nothing listens on inside an instance).</summary>
    public int RefusingPort { get; }

    /// <summary>Gets every loopback port the data plane listens on now (instance servers and front doors).</summary>
    public IReadOnlyList<int> ListeningPorts =>
        [.. _servers.Values.Select(s => s.Port), .. _frontDoors.Values.Select(d => d.Port)];

    /// <summary>Asks for a reconcile soon; many signals coalesce into one pass.</summary>
    public void Signal()
    {
        // Routing follows instance states before the API call that changed them returns: once DescribeTargetHealth
        // says a stopped instance's target is unused, no request may reach it. Servers and front doors follow in the pass.
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

    public TargetHealthView? GetCheckedHealth(string targetGroupArn, TargetKey target)
    {
        if (!_checkers.TryGetValue(targetGroupArn, out var checker))
        {
            return null;
        }

        // "healthy" must mean a client is served now: until every front door of an active listener forwarding to this
        // group listens (they start in the reconcile pass after the checks), the target still reads as initial.
        lock (_state.Gate)
        {
            var waitingForFrontDoor = _state.Listeners.Values.Any(l =>
                l.DefaultActions.Any(a => a.TargetGroups.Any(t => t.TargetGroupArn == targetGroupArn))
                && _state.LoadBalancers.TryGetValue(l.LoadBalancerArn, out var lb) && !lb.Deleting && lb.State == LoadBalancerState.Active
                && !_frontDoors.ContainsKey(l.Arn));
            if (waitingForFrontDoor)
            {
                return null;
            }
        }

        var snapshot = checker.GetHealth(target);
        return snapshot.State is TargetHealthState.Initial or TargetHealthState.Healthy or TargetHealthState.Unhealthy
            ? new TargetHealthView(snapshot.StateValue, snapshot.Reason, snapshot.Description)
            : null;
    }

    /// <summary>Maps a host:port a client asked for to a loopback port, or null when the connection would fail.</summary>
    public int? ResolveClientConnection(string host, int port)
    {
        lock (_state.Gate)
        {
            var loadBalancer = _state.LoadBalancers.Values.FirstOrDefault(lb =>
                string.Equals(lb.DnsName, host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
            if (loadBalancer is not null)
            {
                var listener = _state.Listeners.Values.FirstOrDefault(l => l.LoadBalancerArn == loadBalancer.Arn && l.Port == port);
                if (listener is null || loadBalancer.Deleting || loadBalancer.State != LoadBalancerState.Active
                    || !AdmitsClient(loadBalancer, port) || !_frontDoors.TryGetValue(listener.Arn, out var door))
                {
                    return null;
                }

                return door.Port;
            }

            var instance = _state.Instances.Values.FirstOrDefault(i =>
                i.State == InstanceState.Running
                && (host == i.PublicIp?.ToString() || string.Equals(host, i.PublicDnsName, StringComparison.OrdinalIgnoreCase)));
            if (instance is null)
            {
                return null;
            }

            var groups = instance.SecurityGroupIds.Select(id => _state.SecurityGroups.GetValueOrDefault(id)).OfType<SecurityGroup>();
            if (!NetworkRules.AdmitsIngress(groups, port, _clientAddress, []))
            {
                return null;
            }

            return port == InstanceHttpPort && _servers.TryGetValue(instance.Id, out var server) && server.IsRunning
                ? server.Port
                : RefusingPort;
        }
    }

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
        _refusingSocket.Dispose();
        _signal.Dispose();
        _lifetime.Dispose();
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
        var desired = Snapshot();

        // 1. Target groups: checkers, settings, in-use, registrations.
        foreach (var (arn, checker) in _checkers)
        {
            if (!desired.TargetGroups.ContainsKey(arn))
            {
                _checkers.TryRemove(arn, out _);
                _checkerSettings.Remove(arn);
                await checker.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var (arn, group) in desired.TargetGroups)
        {
            if (!_checkers.TryGetValue(arn, out var checker))
            {
                checker = new TargetHealthChecker(Scale(group.HealthCheck), key => ResolveTarget(arn, key), _state.Time, _loggerFactory, group.InUse);
                _checkers[arn] = checker;
                _checkerSettings[arn] = group.HealthCheck;
            }
            else if (_checkerSettings[arn] != group.HealthCheck)
            {
                checker.UpdateSettings(Scale(group.HealthCheck));
                _checkerSettings[arn] = group.HealthCheck;
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

        // 2. Routing follows instance states before any server stops (no failed request on an emulator stop).
        foreach (var checker in _checkers.Values)
        {
            checker.Reevaluate();
        }

        // 3. Instance web servers.
        foreach (var (id, server) in _servers)
        {
            if (!desired.ServingInstances.ContainsKey(id))
            {
                _servers.TryRemove(id, out _);
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }

        var started = false;
        foreach (var (id, (dnsName, port)) in desired.ServingInstances)
        {
            if (_servers.ContainsKey(id))
            {
                continue;
            }

            var server = await StartServerAsync(dnsName, port, cancellationToken).ConfigureAwait(false);
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

        if (started)
        {
            foreach (var checker in _checkers.Values)
            {
                checker.Reevaluate();
            }
        }

        // 4. Front doors, one per listener of an active load balancer.
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
                var listenerArn = arn;
                _frontDoors[arn] = await FrontDoor.StartAsync(
                    port,
                    context => Route(listenerArn, context),
                    port: null,
                    _loggerFactory,
                    _state.Time,
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<InstanceWebServer> StartServerAsync(string dnsName, int? port, CancellationToken cancellationToken)
    {
        try
        {
            return await InstanceWebServer.StartAsync(dnsName, port, _loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (port is not null)
        {
            // The old port was taken meanwhile: a new one (the connect handler reads the registry anew).
            return await InstanceWebServer.StartAsync(dnsName, null, _loggerFactory, cancellationToken).ConfigureAwait(false);
        }
    }

    private DesiredState Snapshot()
    {
        lock (_state.Gate)
        {
            var activeListeners = _state.Listeners.Values
                .Where(l => _state.LoadBalancers.TryGetValue(l.LoadBalancerArn, out var lb) && !lb.Deleting && lb.State == LoadBalancerState.Active)
                .ToList();
            var inUse = activeListeners
                .SelectMany(l => l.DefaultActions.SelectMany(a => a.TargetGroups.Select(t => t.TargetGroupArn)))
                .ToHashSet(StringComparer.Ordinal);
            return new DesiredState(
                _state.Instances.Values
                    .Where(i => i.State == InstanceState.Running && i.WebServerReady)
                    .ToDictionary(i => i.Id, i => (i.PrivateDnsName, i.WebServerPort), StringComparer.Ordinal),
                _state.TargetGroups.Values.ToDictionary(
                    tg => tg.Arn,
                    tg => new DesiredTargetGroup(
                        tg.HealthCheck,
                        inUse.Contains(tg.Arn),
                        tg.Targets.Values.Where(t => !t.Draining).Select(t => t.Key).ToHashSet()),
                    StringComparer.Ordinal),
                activeListeners.ToDictionary(l => l.Arn, l => l.Port, StringComparer.Ordinal));
        }
    }

    private TargetHealthCheckSettings Scale(TargetGroupHealthCheck check)
    {
        var interval = _state.Profile.Configured(TimeSpan.FromSeconds(check.IntervalSeconds));
        var timeout = _state.Profile.Configured(TimeSpan.FromSeconds(check.TimeoutSeconds));

        // A loaded test machine needs a little longer than 20 ms to answer; a check may outlast its interval slot.
        timeout = TimeSpan.FromTicks(Math.Max(timeout.Ticks, TimeSpan.FromMilliseconds(500).Ticks));
        return new TargetHealthCheckSettings(check.Path, interval, timeout, check.HealthyThresholdCount, check.UnhealthyThresholdCount, check.Matcher);
    }

    /// <summary>Where a target is for the load balancer: not running, blocked by security groups, or a loopback port.</summary>
    private TargetEndpoint ResolveTarget(string targetGroupArn, TargetKey key)
    {
        lock (_state.Gate)
        {
            if (!_state.Instances.TryGetValue(key.InstanceId, out var instance))
            {
                return TargetEndpoint.NotRunning("terminated");
            }

            if (instance.State != InstanceState.Running)
            {
                return TargetEndpoint.NotRunning(instance.State.Name());
            }

            var privateIp = instance.PrivateIp.ToString();
            if (!_state.TargetGroups.ContainsKey(targetGroupArn))
            {
                return TargetEndpoint.Blocked(privateIp);
            }

            // Probes and traffic share one endpoint in the data plane, so both use the traffic port (documented).
            var port = key.Port;
            var loadBalancers = _state.Listeners.Values
                .Where(l => l.DefaultActions.Any(a => a.TargetGroups.Any(t => t.TargetGroupArn == targetGroupArn)))
                .Select(l => _state.LoadBalancers.GetValueOrDefault(l.LoadBalancerArn))
                .OfType<LoadBalancer>()
                .ToList();
            if (!loadBalancers.Any(lb => LoadBalancerReaches(lb, instance, port)))
            {
                return TargetEndpoint.Blocked(privateIp);
            }

            return port == InstanceHttpPort && _servers.TryGetValue(instance.Id, out var server) && server.IsRunning
                ? TargetEndpoint.Reachable(server.Port, privateIp)
                : TargetEndpoint.Reachable(RefusingPort, privateIp);
        }
    }

    /// <summary>The ALB's groups let the port out and one of the instance's groups admits it from the ALB (group or CIDR).</summary>
    private bool LoadBalancerReaches(LoadBalancer loadBalancer, Ec2Instance instance, int port)
    {
        var lbGroups = loadBalancer.SecurityGroups.Select(id => _state.SecurityGroups.GetValueOrDefault(id)).OfType<SecurityGroup>().ToList();
        var instanceGroups = instance.SecurityGroupIds.Select(id => _state.SecurityGroups.GetValueOrDefault(id)).OfType<SecurityGroup>().ToList();
        return loadBalancer.Subnets.Any(node =>
            NetworkRules.AdmitsEgress(lbGroups, port, instance.PrivateIp, instance.SecurityGroupIds)
            && NetworkRules.AdmitsIngress(instanceGroups, port, node.PrivateIp, loadBalancer.SecurityGroups));
    }

    /// <summary>The ALB's groups admit the listener port from the client (127.0.0.1).</summary>
    private bool AdmitsClient(LoadBalancer loadBalancer, int port)
    {
        var groups = loadBalancer.SecurityGroups.Select(id => _state.SecurityGroups.GetValueOrDefault(id)).OfType<SecurityGroup>();
        return NetworkRules.AdmitsIngress(groups, port, _clientAddress, []);
    }

    private RouteDecision Route(string listenerArn, HttpContext context)
    {
        _ = context;
        List<(string Arn, int Weight)> groups;
        lock (_state.Gate)
        {
            if (!_state.Listeners.TryGetValue(listenerArn, out var listener)
                || !_state.LoadBalancers.TryGetValue(listener.LoadBalancerArn, out var loadBalancer)
                || loadBalancer.Deleting
                || !AdmitsClient(loadBalancer, listener.Port))
            {
                return RouteDecision.Reject;
            }

            groups = listener.DefaultActions
                .OrderBy(a => a.Order ?? int.MaxValue)
                .First()
                .TargetGroups
                .Where(t => t.Weight > 0)
                .Select(t => (t.TargetGroupArn, t.Weight))
                .ToList();
        }

        if (groups.Count == 0)
        {
            return RouteDecision.NoTargets;
        }

        var arn = groups[0].Arn;
        if (groups.Count > 1)
        {
            // Weighted round robin across the forward action's groups.
            var total = groups.Sum(g => g.Weight);
            var slot = (int)((uint)Interlocked.Increment(ref _weightedCounter) % (uint)total);
            foreach (var (candidate, weight) in groups)
            {
                if (slot < weight)
                {
                    arn = candidate;
                    break;
                }

                slot -= weight;
            }
        }

        return _checkers.TryGetValue(arn, out var checker) ? checker.NextRoute() : RouteDecision.NoTargets;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LocalCloud could not bring the data plane in step with the control plane.")]
    private partial void LogReconcileFailed(Exception exception);

    private sealed record DesiredTargetGroup(TargetGroupHealthCheck HealthCheck, bool InUse, HashSet<TargetKey> Targets);

    private sealed record DesiredState(
        Dictionary<string, (string DnsName, int? Port)> ServingInstances,
        Dictionary<string, DesiredTargetGroup> TargetGroups,
        Dictionary<string, int> Listeners);
}
