using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;
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

    public DataPlaneHost(CloudState state, ILoggerFactory? loggerFactory)
    {
        _state = state;
        var router = new ListenerRouter(state, RouteInGroup);
        _reconciler = new DataPlaneReconciler(state, ResolveTarget, router.Route, loggerFactory);
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
