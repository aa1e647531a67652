using System.Net;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>What the data plane should run for the current control-plane state: read in one pass under the gate.</summary>
/// <param name="ServingInstances">Per booted instance (running, web server ready): its private DNS name, the loopback port it had, its public address.</param>
/// <param name="TargetGroups">Per target group: its scaled health check, whether a listener of an active load balancer uses it, its non-draining targets.</param>
/// <param name="Listeners">Per listener of an active load balancer: its port.</param>
internal sealed record DesiredDataPlane(
    IReadOnlyDictionary<string, (string DnsName, int? Port, IPAddress? PublicIp)> ServingInstances,
    IReadOnlyDictionary<string, DesiredTargetGroup> TargetGroups,
    IReadOnlyDictionary<string, int> Listeners)
{
    /// <summary>The smallest check timeout: a loaded test machine needs a little longer than 20 ms to answer.</summary>
    public static readonly TimeSpan MinimumCheckTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Reads the desired data plane; the caller holds <see cref="CloudState.Gate"/>.</summary>
    public static DesiredDataPlane From(CloudState state)
    {
        var activeListeners = state.ActiveListeners().ToList();
        var inUse = activeListeners.SelectMany(l => l.TargetGroupArns).ToHashSet(StringComparer.Ordinal);
        return new DesiredDataPlane(
            state.Instances.Values
                .Where(i => i.State == InstanceState.Running && i.WebServerReady)
                .ToDictionary(i => i.Id, i => (i.PrivateDnsName, i.WebServerPort, i.PublicIp), StringComparer.Ordinal),
            state.TargetGroups.Values.ToDictionary(
                tg => tg.Arn,
                tg => new DesiredTargetGroup(
                    Scale(tg.HealthCheck, state.Profile),
                    inUse.Contains(tg.Arn),
                    tg.Targets.Values.Where(t => !t.Draining).Select(t => t.Key).ToHashSet()),
                StringComparer.Ordinal),
            activeListeners.ToDictionary(l => l.Arn, l => l.Port, StringComparer.Ordinal));
    }

    /// <summary>A target group's health check with the profile's time scale; the timeout is at least <see cref="MinimumCheckTimeout"/>.</summary>
    public static TargetHealthCheckSettings Scale(TargetGroupHealthCheck check, LatencyProfile profile)
    {
        var interval = profile.Configured(TimeSpan.FromSeconds(check.IntervalSeconds));
        var timeout = profile.Configured(TimeSpan.FromSeconds(check.TimeoutSeconds));

        // A check may outlast its interval slot; on a busy machine that beats a false Target.Timeout.
        timeout = TimeSpan.FromTicks(Math.Max(timeout.Ticks, MinimumCheckTimeout.Ticks));
        return new TargetHealthCheckSettings(check.Path, interval, timeout, check.HealthyThresholdCount, check.UnhealthyThresholdCount, check.Matcher);
    }
}

/// <summary>One target group as the data plane should check it.</summary>
internal sealed record DesiredTargetGroup(TargetHealthCheckSettings HealthCheck, bool InUse, IReadOnlySet<TargetKey> Targets);
