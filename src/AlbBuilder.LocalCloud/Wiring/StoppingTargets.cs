using System.Collections.Concurrent;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// How the load balancer sees an instance that began <c>stopping</c>: for <see cref="LatencyProfile.StoppingTargetRoutable"/>
/// it is still a running target, at its (now refusing) port, so requests routed to it answer 502 and its health checks
/// fail (<c>Target.FailedHealthChecks</c>) until the thresholds take it out of the pool or the instance is stopped.
/// On <see cref="LatencyProfile.Instant"/> the window is zero: the target is cut over at once.
/// </summary>
internal sealed class StoppingTargets
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _stoppingSince = new(StringComparer.Ordinal);

    /// <summary>Adjusts the endpoint <see cref="Reachability.ResolveTarget"/> gave; the caller holds <see cref="CloudState.Gate"/>.</summary>
    public TargetEndpoint Resolve(CloudState state, string targetGroupArn, TargetKey key, TargetEndpoint resolved, Func<string, int, int> loopbackPortOf)
    {
        if (!state.Instances.TryGetValue(key.InstanceId, out var instance) || instance.State != InstanceState.Stopping)
        {
            _stoppingSince.TryRemove(key.InstanceId, out _);
            return resolved;
        }

        var window = state.Profile.StoppingTargetRoutable;
        if (window <= TimeSpan.Zero)
        {
            return resolved;
        }

        if (!state.LoadBalancersForwardingTo(targetGroupArn).Any(lb => Reachability.LoadBalancerReaches(state, lb, instance, key.Port)))
        {
            return resolved;
        }

        // The first resolve after the stop (Signal re-evaluates at once) starts the window.
        var since = _stoppingSince.GetOrAdd(instance.Id, state.Now);
        return state.Now - since < window
            ? TargetEndpoint.Reachable(loopbackPortOf(instance.Id, key.Port), instance.PrivateIp.ToString())
            : resolved;
    }
}
