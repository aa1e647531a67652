using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// LocalCloud's data plane, seen from the control plane: the <see cref="DataPlaneReconciler"/> keeps the servers in
/// step with the state, the <see cref="ListenerRouter"/> routes each request, and <see cref="Reachability"/> answers,
/// with the security groups applied, where a host:port (ALB DNS name, instance public IP) or a target can be reached.
/// </summary>
internal sealed class DataPlaneHost : ITargetHealthSource, IAsyncDisposable
{
    private readonly CloudState _state;
    private readonly DataPlaneReconciler _reconciler;
    private readonly StoppingTargets _stoppingTargets = new();

    public DataPlaneHost(CloudState state, ILoggerFactory? loggerFactory, bool publish = false, Action<LocalInstanceInfo, IApplicationBuilder>? configureInstance = null)
    {
        _state = state;
        var router = new ListenerRouter(state, RouteInGroup);
        _reconciler = new DataPlaneReconciler(state, ResolveTarget, router.Route, loggerFactory, publish) { ConfigureInstance = configureInstance };
        Faults = new LocalCloudDataPlaneFaults(state, _reconciler.Signal, loggerFactory);
    }

    /// <summary>Gets the data-plane faults (a broken web server while its instance runs).</summary>
    public LocalCloudDataPlaneFaults Faults { get; }

    /// <summary>Gets every loopback port the data plane listens on now (instance servers and front doors).</summary>
    public IReadOnlyList<int> ListeningPorts => _reconciler.ListeningPorts;

    /// <summary>Asks for a reconcile soon; many signals coalesce into one pass.</summary>
    public void Signal() => _reconciler.Signal();

    public TargetHealthView? GetCheckedHealth(string targetGroupArn, TargetKey target)
    {
        if (_reconciler.CheckerOf(targetGroupArn) is not { } checker)
        {
            return null;
        }

        // "healthy" must mean a client is served now: until every front door of an active listener forwarding to this
        // group listens (they start in the reconcile pass after the checks), the target still reads as initial.
        lock (_state.Gate)
        {
            if (_state.ActiveListeners().Any(l => l.ForwardsTo(targetGroupArn) && _reconciler.FrontDoorPortOf(l.Arn) is null))
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
    /// <exception cref="System.Net.Sockets.SocketException">A load balancer's DNS name has not propagated yet (host not found).</exception>
    public int? ResolveClientConnection(string host, int port)
    {
        lock (_state.Gate)
        {
            if (_state.LoadBalancerByDnsName(host) is { } loadBalancer && !DnsPropagation.Resolves(_state, loadBalancer))
            {
                throw LoopbackConnectHandler.NameNotResolved();
            }

            var destination = Reachability.ResolveClient(_state, host, port);
            return destination switch
            {
                { ListenerArn: { } listenerArn } => _reconciler.FrontDoorPortOf(listenerArn),
                { InstanceId: { } instanceId } => LoopbackPortOf(instanceId, destination.Port),
                _ => null,
            };
        }
    }

    /// <summary>The address that answers on this machine for a host:port a client asked for, or null when the connection would fail.</summary>
    /// <returns>The same host on the front door's port for a listener; the public address itself, or 127.0.0.1 and the server's port, for an instance.</returns>
    public Uri? OpenableUrl(string host, int port)
    {
        lock (_state.Gate)
        {
            var destination = Reachability.ResolveClient(_state, host, port);
            if (destination.ListenerArn is { } listenerArn)
            {
                return _reconciler.FrontDoorPortOf(listenerArn) is { } doorPort ? new Uri($"http://{host.ToLowerInvariant()}:{doorPort}/") : null;
            }

            if (destination.InstanceId is not { } instanceId)
            {
                return null;
            }

            var loopbackPort = LoopbackPortOf(instanceId, destination.Port);
            return destination.Port == DataPlane.InstanceWebServer.PublicHttpPort && _reconciler.PublicAddressOf(instanceId) is { } publicIp
                ? new Uri($"http://{publicIp}/")
                : loopbackPort == _reconciler.RefusingPort ? null : new Uri($"http://127.0.0.1:{loopbackPort}/");
        }
    }

    /// <summary>Every listener of an active load balancer and every instance public address that answers now, with where to open it.</summary>
    public IReadOnlyList<LocalCloudUrl> GetUrls()
    {
        List<(string Id, string Name, string Host, int Port)> candidates;
        lock (_state.Gate)
        {
            candidates =
            [
                .. _state.ActiveListeners()
                    .Select(l => (l.Arn, _state.LoadBalancers[l.LoadBalancerArn].Name, _state.LoadBalancers[l.LoadBalancerArn].DnsName, l.Port))
                    .OrderBy(c => c.DnsName, StringComparer.Ordinal).ThenBy(c => c.Port),
                .. _state.Instances.Values
                    .Where(i => i.State == Ec2.InstanceState.Running && i.PublicIp is not null)
                    .OrderBy(i => i.LaunchTime).ThenBy(i => i.LaunchIndex)
                    .Select(i => (i.Id, i.Tags.GetValueOrDefault("Name") ?? i.Id, i.PublicIp!.ToString(), DataPlane.InstanceWebServer.PublicHttpPort)),
            ];
        }

        var urls = new List<LocalCloudUrl>();
        foreach (var (id, name, host, port) in candidates)
        {
            if (OpenableUrl(host, port) is { } url)
            {
                urls.Add(new LocalCloudUrl(id, name, new Uri($"http://{host}:{port}/"), url));
            }
        }

        return urls;
    }

    public async ValueTask DisposeAsync()
    {
        await _reconciler.DisposeAsync().ConfigureAwait(false);
        await Faults.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Where an instance's port is served now: a fault's stand-in (or a refusing port) first, else its web server.</summary>
    private int LoopbackPortOf(string instanceId, int instancePort) =>
        Faults.LoopbackPortOf(instanceId, instancePort, _reconciler.RefusingPort) ?? _reconciler.LoopbackPortOf(instanceId, instancePort);

    /// <summary>Where a target is for the load balancer: not running, blocked by security groups, or a loopback port.</summary>
    private TargetEndpoint ResolveTarget(string targetGroupArn, TargetKey key)
    {
        lock (_state.Gate)
        {
            return _stoppingTargets.Resolve(_state, targetGroupArn, key, Reachability.ResolveTarget(_state, targetGroupArn, key, LoopbackPortOf), LoopbackPortOf);
        }
    }

    private RouteDecision RouteInGroup(string targetGroupArn) =>
        _reconciler.CheckerOf(targetGroupArn)?.Pool.NextRoute() ?? RouteDecision.NoTargets;
}
