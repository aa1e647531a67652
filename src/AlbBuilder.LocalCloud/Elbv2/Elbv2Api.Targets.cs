using System.Globalization;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>Registering, draining and describing targets.</summary>
internal sealed partial class Elbv2Api
{
    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> RegisterTargets(QueryParameters p)
    {
        var targetGroup = FindTargetGroup(Require(p, "TargetGroupArn"));
        var targets = ReadTargets(p, targetGroup);
        var unknown = targets.Where(t => !_state.Instances.TryGetValue(t.Key.InstanceId, out var i) || i.State == InstanceState.Terminated).ToList();
        if (unknown.Count > 0)
        {
            throw Elbv2Errors.InvalidTarget($"The following targets are not valid instances: {Quote(unknown.Select(t => t.Key.InstanceId))}");
        }

        // ELB's view of an instance lags behind EC2's: just after `running` it still reads as not running.
        var notRunning = targets.Where(t => _state.Instances[t.Key.InstanceId] is var i
            && (i.State != InstanceState.Running || _state.Now - i.RunningSince < _state.Profile.TargetRegistrationLag)).ToList();
        if (notRunning.Count > 0)
        {
            throw Elbv2Errors.InvalidTarget($"The following targets are not in a running state and cannot be registered: {Quote(notRunning.Select(t => t.Key.InstanceId))}");
        }

        var otherVpc = targets.Where(t => _state.Instances[t.Key.InstanceId].VpcId != targetGroup.VpcId).ToList();
        if (otherVpc.Count > 0)
        {
            throw Elbv2Errors.InvalidTarget($"The following targets are not in the target group VPC '{targetGroup.VpcId}': {Quote(otherVpc.Select(t => t.Key.InstanceId))}");
        }

        if (targetGroup.Targets.Count + targets.Count(t => !targetGroup.Targets.ContainsKey(t.Key)) > 1000)
        {
            throw new AwsServiceError("TooManyTargets", "You've reached the limit on the number of targets per target group");
        }

        foreach (var (key, zone) in targets)
        {
            if (targetGroup.Targets.TryGetValue(key, out var existing))
            {
                if (existing.Draining)
                {
                    existing.Draining = false;
                    existing.Generation++;
                }

                continue;
            }

            targetGroup.Targets[key] = new RegisteredTarget { Key = key, AvailabilityZone = zone, RegisteredAt = _state.Now };
        }

        yield break;
    }

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> DeregisterTargets(QueryParameters p)
    {
        var targetGroup = FindTargetGroup(Require(p, "TargetGroupArn"));
        var targets = ReadTargets(p, targetGroup);
        var missing = targets.Where(t => !targetGroup.Targets.ContainsKey(t.Key)).ToList();
        if (missing.Count > 0)
        {
            throw Elbv2Errors.InvalidTarget($"The following targets are not registered in target group '{targetGroup.Arn}': {Quote(missing.Select(t => t.Key.InstanceId))}");
        }

        Deregister(targetGroup, targets.Select(t => t.Key));
        yield break;
    }

    /// <summary>Deregisters every registration of a terminating instance (caller holds the lock).</summary>
    internal void DeregisterInstance(string instanceId)
    {
        foreach (var targetGroup in _state.TargetGroups.Values)
        {
            Deregister(targetGroup, targetGroup.Targets.Keys.Where(k => k.InstanceId == instanceId).ToList());
        }
    }

    private void Deregister(TargetGroup targetGroup, IEnumerable<TargetKey> keys)
    {
        var inUse = _state.LoadBalancerArnsForwardingTo(targetGroup.Arn).Count > 0;
        var delay = _state.Profile.Configured(TimeSpan.FromSeconds(
            int.Parse(targetGroup.Attributes["deregistration_delay.timeout_seconds"], CultureInfo.InvariantCulture)));
        foreach (var key in keys)
        {
            var target = targetGroup.Targets[key];
            if (!inUse)
            {
                targetGroup.Targets.Remove(key);
                continue;
            }

            if (target.Draining)
            {
                continue;
            }

            target.Draining = true;
            var generation = ++target.Generation;
            _state.Scheduler.After(delay, () => FinishDraining(targetGroup, target, generation));
        }
    }

    private void FinishDraining(TargetGroup targetGroup, RegisteredTarget target, int generation)
    {
        lock (_state.Gate)
        {
            if (target.Generation != generation || !target.Draining
                || !targetGroup.Targets.TryGetValue(target.Key, out var current) || current != target)
            {
                return;
            }

            targetGroup.Targets.Remove(target.Key);
        }

        _state.NotifyChanged();
    }

    [AwsAction]
    private IEnumerable<object?> DescribeTargetHealth(QueryParameters p)
    {
        var targetGroup = FindTargetGroup(Require(p, "TargetGroupArn"));
        List<(TargetKey Key, RegisteredTarget? Registered)> selection;
        if (p.HasPrefix("Targets.member"))
        {
            var targets = ReadTargets(p, targetGroup);
            var unknown = targets.Where(t => !_state.Instances.ContainsKey(t.Key.InstanceId)).ToList();
            if (unknown.Count > 0)
            {
                throw Elbv2Errors.InvalidTarget($"The following targets are not valid instances: {Quote(unknown.Select(t => t.Key.InstanceId))}");
            }

            selection = targets.Select(t => (t.Key, targetGroup.Targets.GetValueOrDefault(t.Key))).ToList();
        }
        else
        {
            selection = targetGroup.Targets.Values
                .OrderBy(t => t.RegisteredAt)
                .ThenBy(t => t.Key.InstanceId, StringComparer.Ordinal)
                .Select(t => (t.Key, (RegisteredTarget?)t))
                .ToList();
        }

        yield return Xml.Members("TargetHealthDescriptions", selection, t =>
        {
            var health = HealthOf(targetGroup, t.Key, t.Registered);
            return
            [
                Xml.E(
                    "Target",
                    Xml.E("Id", t.Key.InstanceId),
                    Xml.E("Port", Xml.Format(t.Key.Port)),
                    Xml.Opt("AvailabilityZone", t.Registered?.AvailabilityZone)),
                Xml.E("HealthCheckPort", HealthCheckPort(targetGroup, t.Key)),
                Xml.E(
                    "TargetHealth",
                    Xml.E("State", health.State),
                    Xml.Opt("Reason", health.Reason),
                    Xml.Opt("Description", health.Description)),
            ];
        });
    }

    internal static string HealthCheckPort(TargetGroup targetGroup, TargetKey target) =>
        targetGroup.HealthCheck.Port == "traffic-port"
            ? target.Port.ToString(CultureInfo.InvariantCulture)
            : targetGroup.HealthCheck.Port;

    /// <summary>Combines registration, instance state, listener use and the data plane's checks into one answer.</summary>
    internal TargetHealthView HealthOf(TargetGroup targetGroup, TargetKey key, RegisteredTarget? registered)
    {
        if (registered is null)
        {
            return TargetHealthView.NotRegistered;
        }

        if (registered.Draining)
        {
            return TargetHealthView.Draining;
        }

        if (!_state.Instances.TryGetValue(key.InstanceId, out var instance))
        {
            return TargetHealthView.InvalidState("terminated");
        }

        if (instance.State != InstanceState.Running)
        {
            return TargetHealthView.InvalidState(instance.State.Name());
        }

        var loadBalancers = _state.LoadBalancersForwardingTo(targetGroup.Arn).Where(lb => !lb.Deleting).ToList();
        if (loadBalancers.Count == 0)
        {
            return TargetHealthView.NotInUse;
        }

        if (loadBalancers.All(lb => lb.State != LoadBalancerState.Active))
        {
            return TargetHealthView.RegistrationInProgress;
        }

        if (!targetGroup.HealthCheck.Enabled)
        {
            return new TargetHealthView("unavailable", "Target.HealthCheckDisabled", "Health checks are disabled");
        }

        return _health.GetCheckedHealth(targetGroup.Arn, key) ?? TargetHealthView.InitialChecking;
    }

    private List<(TargetKey Key, string? Zone)> ReadTargets(QueryParameters p, TargetGroup targetGroup)
    {
        var targets = p.GetStructList("Targets.member");
        if (targets.Count == 0)
        {
            throw Elbv2Errors.Missing("Targets");
        }

        return targets
            .Select(t => (
                new TargetKey(
                    t.Get("Id") ?? throw Elbv2Errors.Missing("Id"),
                    Int(t, "Port", 1, 65535) ?? targetGroup.Port),
                Validation.Elbv2Rules.AvailabilityZone(t.Get("AvailabilityZone"), _state.Subnets.Values.Select(s => s.AvailabilityZone))))
            .DistinctBy(t => t.Item1)
            .ToList();
    }

    private static string Quote(IEnumerable<string> ids) =>
        string.Join(", ", ids.Distinct(StringComparer.Ordinal).Select(id => $"'{Validation.AwsText.Echo(id)}'"));
}
