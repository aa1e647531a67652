using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// The targets a front door may send a target group's requests to, and the round robin over them. Healthy targets;
/// when none is healthy, every checked target whose instance runs (fail-open); never stopped, draining or not-in-use ones.
/// </summary>
/// <remarks>Reads are lock-free over an immutable array; <see cref="TargetHealthChecker"/> recomputes it under its lock.</remarks>
internal sealed class TargetPool
{
    private RoutableTarget[] _routable = [];
    private int _roundRobin = -1;

    /// <summary>Gets the targets to route to, ordered by instance id and port.</summary>
    public ImmutableArray<RoutableTarget> RoutableTargets => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _routable));

    /// <summary>
    /// Picks the next routable target round-robin: forward to its loopback port; 503 when there is none;
    /// 504 for a target whose security group drops the load balancer's traffic (as an ALB times out).
    /// </summary>
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

    /// <summary>Recomputes the routable set from the targets' records.</summary>
    /// <returns><see langword="true"/> when the set changed.</returns>
    public bool Update(IEnumerable<TargetHealthRecord> records)
    {
        var healthy = new List<RoutableTarget>();
        var failOpen = new List<RoutableTarget>();
        foreach (var record in records.OrderBy(r => r.Key.InstanceId, StringComparer.Ordinal).ThenBy(r => r.Key.Port))
        {
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

        RoutableTarget[] routable = healthy.Count > 0 ? [.. healthy] : [.. failOpen];
        if (routable.SequenceEqual(Volatile.Read(ref _routable)))
        {
            return false;
        }

        Volatile.Write(ref _routable, routable);
        return true;
    }
}
