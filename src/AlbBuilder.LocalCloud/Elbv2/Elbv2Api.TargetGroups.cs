using System.Globalization;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>Target groups: create (idempotent), describe, delete, attributes.</summary>
internal sealed partial class Elbv2Api
{
    private static readonly Dictionary<string, string> _defaultTargetGroupAttributes = new(StringComparer.Ordinal)
    {
        ["deregistration_delay.timeout_seconds"] = "300",
        ["load_balancing.algorithm.type"] = "round_robin",
        ["load_balancing.algorithm.anomaly_mitigation"] = "off",
        ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration",
        ["slow_start.duration_seconds"] = "0",
        ["stickiness.enabled"] = "false",
        ["stickiness.type"] = "lb_cookie",
        ["stickiness.lb_cookie.duration_seconds"] = "86400",
        ["stickiness.app_cookie.cookie_name"] = string.Empty,
        ["stickiness.app_cookie.duration_seconds"] = "86400",
        ["target_group_health.dns_failover.minimum_healthy_targets.count"] = "1",
        ["target_group_health.dns_failover.minimum_healthy_targets.percentage"] = "off",
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.count"] = "1",
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage"] = "off",
    };

    private static readonly Dictionary<string, Func<string, bool>> _targetGroupAttributeValidators = new(StringComparer.Ordinal)
    {
        ["deregistration_delay.timeout_seconds"] = IsInt(0, 3600),
        ["load_balancing.algorithm.type"] = v => v is "round_robin" or "least_outstanding_requests" or "weighted_random",
        ["load_balancing.algorithm.anomaly_mitigation"] = v => v is "on" or "off",
        ["load_balancing.cross_zone.enabled"] = v => v is "true" or "false" or "use_load_balancer_configuration",
        ["slow_start.duration_seconds"] = v => v == "0" || IsInt(30, 900)(v),
        ["stickiness.enabled"] = IsBool,
        ["stickiness.type"] = v => v is "lb_cookie" or "app_cookie",
        ["stickiness.lb_cookie.duration_seconds"] = IsInt(1, 604800),
        ["stickiness.app_cookie.cookie_name"] = Elbv2Rules.IsCookieNameOrEmpty,
        ["stickiness.app_cookie.duration_seconds"] = IsInt(1, 604800),
        ["target_group_health.dns_failover.minimum_healthy_targets.count"] = v => v == "off" || IsInt(1, 1000)(v),
        ["target_group_health.dns_failover.minimum_healthy_targets.percentage"] = v => v == "off" || IsInt(1, 100)(v),
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.count"] = IsInt(1, 1000),
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage"] = v => v == "off" || IsInt(1, 100)(v),
    };

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> CreateTargetGroup(QueryParameters p)
    {
        var name = Require(p, "Name");
        ValidateName(name, "target group");
        var targetType = p.Get("TargetType") ?? "instance";
        if (targetType != "instance")
        {
            throw Elbv2Errors.Validation($"LocalCloud emulates target type 'instance' only, not '{AwsText.Echo(targetType)}'");
        }

        var protocol = p.Get("Protocol") ?? throw Elbv2Errors.Validation("A protocol must be specified");
        if (protocol is not ("HTTP" or "HTTPS"))
        {
            throw Elbv2Errors.Validation(protocol is "TCP" or "TLS" or "UDP" or "TCP_UDP" or "GENEVE"
                ? $"LocalCloud emulates HTTP and HTTPS target groups only, not '{protocol}'"
                : $"Value '{AwsText.Echo(protocol)}' at 'protocol' failed to satisfy constraint: Member must satisfy enum value set");
        }

        var port = Int(p, "Port", 1, 65535) ?? throw Elbv2Errors.Validation("A port must be specified");
        var vpcId = p.Get("VpcId") ?? throw Elbv2Errors.Validation("A VPC ID must be specified");
        if (!_state.Vpcs.ContainsKey(vpcId))
        {
            throw Elbv2Errors.Validation($"The VPC ID '{AwsText.Echo(vpcId)}' is not found");
        }

        var interval = Int(p, "HealthCheckIntervalSeconds", 5, 300) ?? 30;
        var timeout = Int(p, "HealthCheckTimeoutSeconds", 2, 120) ?? 5;
        if (timeout >= interval)
        {
            throw Elbv2Errors.Validation("Health check timeout must be smaller than the interval");
        }

        var path = Elbv2Rules.HealthCheckPath(p.Get("HealthCheckPath") ?? "/");

        var matcher = p.Get("Matcher.HttpCode") ?? "200";
        if (!MatcherIsValid(matcher))
        {
            throw Elbv2Errors.Validation($"Health check matcher HTTP code '{AwsText.Echo(matcher)}' must be within '200-499' range");
        }

        var healthCheckPort = p.Get("HealthCheckPort") ?? "traffic-port";
        if (healthCheckPort != "traffic-port"
            && !(int.TryParse(healthCheckPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hcPort) && hcPort is >= 1 and <= 65535))
        {
            throw Elbv2Errors.Validation($"Health check port '{AwsText.Echo(healthCheckPort)}' must be 'traffic-port' or a port number");
        }

        var healthCheck = new TargetGroupHealthCheck(
            Elbv2Rules.HealthCheckProtocol(p.Get("HealthCheckProtocol") ?? protocol, protocol),
            healthCheckPort,
            Bool(p, "HealthCheckEnabled") ?? true,
            path,
            interval,
            timeout,
            Int(p, "HealthyThresholdCount", 2, 10) ?? 5,
            Int(p, "UnhealthyThresholdCount", 2, 10) ?? 2,
            matcher);
        var protocolVersion = Elbv2Rules.ProtocolVersion(p.Get("ProtocolVersion") ?? "HTTP1");
        var tags = ReadTags(p);

        if (_state.TargetGroups.Values.FirstOrDefault(tg => tg.Name == name) is { } existing)
        {
            if (existing.Protocol != protocol || existing.Port != port || existing.VpcId != vpcId
                || existing.HealthCheck != healthCheck || existing.ProtocolVersion != protocolVersion)
            {
                throw new AwsServiceError("DuplicateTargetGroupName", $"A target group with the same name '{name}' exists, but with different settings");
            }

            yield return Xml.Members("TargetGroups", [existing], TargetGroupMembers);
            yield break;
        }

        _state.Quotas.CheckTargetGroups(_state.TargetGroups.Count);

        var targetGroup = new TargetGroup
        {
            Arn = Arn($"targetgroup/{name}/{ResourceIds.Hex(16)}"),
            Name = name,
            Protocol = protocol,
            Port = port,
            VpcId = vpcId,
            ProtocolVersion = protocolVersion,
            HealthCheck = healthCheck,
        };
        foreach (var (key, value) in _defaultTargetGroupAttributes)
        {
            targetGroup.Attributes[key] = value;
        }

        TagLimit.Apply(targetGroup.Tags, tags, Elbv2Errors.TooManyTags);
        _state.TargetGroups[targetGroup.Arn] = targetGroup;
        yield return Xml.Members("TargetGroups", [targetGroup], TargetGroupMembers);
    }

    /// <summary>"200", "200,202" or "200-299", every code within 200–499.</summary>
    internal static bool MatcherIsValid(string matcher)
    {
        foreach (var part in matcher.Split(','))
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || bounds.Any(b => !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 200 || code > 499))
            {
                return false;
            }

            if (bounds.Length == 2 && int.Parse(bounds[0], CultureInfo.InvariantCulture) > int.Parse(bounds[1], CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        return true;
    }

    [AwsAction]
    private IEnumerable<object?> DescribeTargetGroups(QueryParameters p)
    {
        var arns = p.GetList("TargetGroupArns.member");
        var names = p.GetList("Names.member");
        var loadBalancerArn = p.Get("LoadBalancerArn");
        if (new[] { arns.Count > 0, names.Count > 0, loadBalancerArn is not null }.Count(b => b) > 1)
        {
            throw Elbv2Errors.Validation("Only one of load balancer ARN, target group ARNs or names can be specified");
        }

        var all = _state.TargetGroups.Values.OrderBy(tg => tg.Arn, StringComparer.Ordinal).ToList();
        List<TargetGroup> selected;
        if (arns.Count > 0)
        {
            foreach (var arn in arns)
            {
                ValidateArn(arn, ":targetgroup/", "target group");
            }

            selected = all.Where(tg => arns.Contains(tg.Arn)).ToList();
            if (selected.Count < arns.Distinct(StringComparer.Ordinal).Count())
            {
                throw Elbv2Errors.TargetGroupNotFound();
            }
        }
        else if (names.Count > 0)
        {
            selected = all.Where(tg => names.Contains(tg.Name)).ToList();
            if (names.Any(n => selected.All(tg => tg.Name != n)))
            {
                throw Elbv2Errors.TargetGroupNotFound();
            }
        }
        else if (loadBalancerArn is not null)
        {
            var loadBalancer = FindLoadBalancer(loadBalancerArn);
            var used = _state.TargetGroupArnsOf(loadBalancer.Arn);
            selected = all.Where(tg => used.Contains(tg.Arn)).ToList();
        }
        else
        {
            selected = all;
        }

        var (page, next) = Page(selected, p);
        yield return Xml.Members("TargetGroups", page, TargetGroupMembers);
        yield return Xml.Opt("NextMarker", next);
    }

    private IEnumerable<object?> TargetGroupMembers(TargetGroup tg) =>
    [
        Xml.E("TargetGroupArn", tg.Arn),
        Xml.E("TargetGroupName", tg.Name),
        Xml.E("Protocol", tg.Protocol),
        Xml.E("Port", Xml.Format(tg.Port)),
        Xml.E("VpcId", tg.VpcId),
        Xml.E("HealthCheckProtocol", tg.HealthCheck.Protocol),
        Xml.E("HealthCheckPort", tg.HealthCheck.Port),
        Xml.E("HealthCheckEnabled", Xml.Format(tg.HealthCheck.Enabled)),
        Xml.E("HealthCheckIntervalSeconds", Xml.Format(tg.HealthCheck.IntervalSeconds)),
        Xml.E("HealthCheckTimeoutSeconds", Xml.Format(tg.HealthCheck.TimeoutSeconds)),
        Xml.E("HealthyThresholdCount", Xml.Format(tg.HealthCheck.HealthyThresholdCount)),
        Xml.E("UnhealthyThresholdCount", Xml.Format(tg.HealthCheck.UnhealthyThresholdCount)),
        Xml.E("HealthCheckPath", tg.HealthCheck.Path),
        Xml.E("Matcher", Xml.E("HttpCode", tg.HealthCheck.Matcher)),
        Xml.MemberValues("LoadBalancerArns", _state.LoadBalancerArnsForwardingTo(tg.Arn)),
        Xml.E("TargetType", tg.TargetType),
        Xml.E("ProtocolVersion", tg.ProtocolVersion),
        Xml.E("IpAddressType", tg.IpAddressType),
    ];

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> DeleteTargetGroup(QueryParameters p)
    {
        var arn = Require(p, "TargetGroupArn");
        ValidateArn(arn, ":targetgroup/", "target group");
        if (_state.TargetGroups.ContainsKey(arn))
        {
            if (_state.LoadBalancerArnsForwardingTo(arn).Count > 0)
            {
                throw Elbv2Errors.ResourceInUse($"Target group '{arn}' is currently in use by a listener or a rule");
            }

            _state.TargetGroups.Remove(arn);
        }

        yield break;
    }

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> ModifyTargetGroupAttributes(QueryParameters p)
    {
        var targetGroup = FindTargetGroup(Require(p, "TargetGroupArn"));
        ModifyAttributes(p, targetGroup.Attributes, _targetGroupAttributeValidators, "Target group");
        yield return Attributes(targetGroup.Attributes);
    }

    [AwsAction]
    private IEnumerable<object?> DescribeTargetGroupAttributes(QueryParameters p)
    {
        var targetGroup = FindTargetGroup(Require(p, "TargetGroupArn"));
        yield return Attributes(targetGroup.Attributes);
    }

    private TargetGroup FindTargetGroup(string arn)
    {
        ValidateArn(arn, ":targetgroup/", "target group");
        return _state.TargetGroups.TryGetValue(arn, out var targetGroup)
            ? targetGroup
            : throw Elbv2Errors.TargetGroupNotFound($"Target groups '[{AwsText.Echo(arn)}]' not found");
    }
}
