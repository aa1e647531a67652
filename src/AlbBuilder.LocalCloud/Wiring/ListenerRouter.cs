using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// Decides, per request reaching a listener's front door, where it goes: rejected (listener gone, load balancer
/// deleting, client not admitted), weighted round robin across the forward action's groups, then the group's pick.
/// </summary>
internal sealed class ListenerRouter
{
    private readonly CloudState _state;
    private readonly Func<string, RouteDecision> _routeInGroup;
    private int _weightedCounter;

    /// <param name="state">The cloud state.</param>
    /// <param name="routeInGroup">Picks a target of a target group (503 when it has none).</param>
    public ListenerRouter(CloudState state, Func<string, RouteDecision> routeInGroup)
    {
        _state = state;
        _routeInGroup = routeInGroup;
    }

    public RouteDecision Route(string listenerArn)
    {
        List<(string Arn, int Weight)> groups;
        lock (_state.Gate)
        {
            if (!_state.Listeners.TryGetValue(listenerArn, out var listener)
                || !_state.LoadBalancers.TryGetValue(listener.LoadBalancerArn, out var loadBalancer)
                || loadBalancer.Deleting
                || !Reachability.AdmitsClient(_state, loadBalancer, listener.Port))
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

        var slot = groups.Count > 1 ? (int)((uint)Interlocked.Increment(ref _weightedCounter) % (uint)groups.Sum(g => g.Weight)) : 0;
        return _routeInGroup(PickWeighted(groups, slot));
    }

    /// <summary>The group a slot in [0, total weight) falls in: weights 3 and 1 give slots 0–2 to the first group, 3 to the second.</summary>
    public static string PickWeighted(IReadOnlyList<(string Arn, int Weight)> groups, int slot)
    {
        foreach (var (candidate, weight) in groups)
        {
            if (slot < weight)
            {
                return candidate;
            }

            slot -= weight;
        }

        return groups[0].Arn;
    }
}
