using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>Listeners with forward default actions.</summary>
internal sealed partial class Elbv2Api
{
    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> CreateListener(QueryParameters p)
    {
        var loadBalancer = FindLoadBalancer(Require(p, "LoadBalancerArn"));
        if (loadBalancer.Deleting)
        {
            throw Elbv2Errors.LoadBalancerNotFound($"Load balancer '{loadBalancer.Arn}' not found");
        }

        var protocol = p.Get("Protocol") ?? "HTTP";
        if (protocol == "HTTPS")
        {
            throw p.HasPrefix("Certificates.member")
                ? new AwsServiceError("UnsupportedProtocol", "LocalCloud does not emulate HTTPS listeners")
                : new AwsServiceError("CertificateNotFound", "A certificate must be specified for HTTPS listeners");
        }

        if (protocol != "HTTP")
        {
            throw new AwsServiceError("UnsupportedProtocol", $"Protocol '{protocol}' is not supported by application load balancers");
        }

        var port = Int(p, "Port", 1, 65535) ?? throw Elbv2Errors.Validation("A listener port must be specified");
        var actions = ReadActions(p, loadBalancer);
        var tags = ReadTags(p);

        if (_state.ListenerAt(loadBalancer.Arn, port) is { } existing)
        {
            // AWS: creating an identical listener succeeds and returns the existing one.
            if (existing.Protocol == protocol && existing.DefaultActions.Count == actions.Count
                && existing.DefaultActions.Zip(actions).All(x => x.First.SameAs(x.Second)))
            {
                yield return Xml.Members("Listeners", [existing], ListenerMembers);
                yield break;
            }

            throw new AwsServiceError("DuplicateListener", "A listener already exists on this port for this load balancer");
        }

        if (_state.ListenersOf(loadBalancer.Arn).Count() >= MaxListenersPerLoadBalancer)
        {
            throw new AwsServiceError("TooManyListeners", "The quota for the number of listeners per load balancer has been reached");
        }

        var listener = new Listener
        {
            Arn = Arn($"listener/{loadBalancer.ArnSuffix}/{ResourceIds.Hex(16)}"),
            LoadBalancerArn = loadBalancer.Arn,
            Port = port,
            Protocol = protocol,
            DefaultActions = actions,
        };
        TagLimit.Apply(listener.Tags, tags, Elbv2Errors.TooManyTags);
        _state.Listeners[listener.Arn] = listener;
        yield return Xml.Members("Listeners", [listener], ListenerMembers);
    }

    private List<ListenerAction> ReadActions(QueryParameters p, LoadBalancer loadBalancer)
    {
        var actions = new List<ListenerAction>();
        foreach (var action in p.GetStructList("DefaultActions.member"))
        {
            var type = action.Get("Type") ?? throw Elbv2Errors.Missing("Type");
            if (type != "forward")
            {
                throw new AwsServiceError("InvalidLoadBalancerAction", $"LocalCloud supports only 'forward' actions, not '{type}'");
            }

            var groups = new List<(string, int)>();
            if (action.Get("TargetGroupArn") is { } single)
            {
                groups.Add((single, 1));
            }

            foreach (var tuple in action.GetStructList("ForwardConfig.TargetGroups.member"))
            {
                var arn = tuple.Get("TargetGroupArn") ?? throw Elbv2Errors.Missing("TargetGroupArn");
                var weight = Int(tuple, "Weight", 0, 999) ?? 1;
                if (!groups.Any(g => g.Item1 == arn))
                {
                    groups.Add((arn, weight));
                }
            }

            if (groups.Count == 0)
            {
                throw Elbv2Errors.Validation("A target group ARN must be specified for a forward action");
            }

            foreach (var (arn, _) in groups)
            {
                var targetGroup = FindTargetGroup(arn);
                if (targetGroup.VpcId != loadBalancer.VpcId)
                {
                    throw Elbv2Errors.InvalidConfiguration($"Target group '{arn}' is not in the same VPC as the load balancer");
                }

                var others = _state.LoadBalancerArnsForwardingTo(arn).Where(lb => lb != loadBalancer.Arn).ToList();
                if (others.Count > 0)
                {
                    throw new AwsServiceError("TargetGroupAssociationLimit", $"The following target groups cannot be associated with more than one load balancer: '{arn}'");
                }
            }

            actions.Add(new ListenerAction(type, groups, Int(action, "Order", 1, 50000)));
        }

        return actions.Count == 0 ? throw Elbv2Errors.Missing("DefaultActions") : actions;
    }

    [AwsAction]
    private IEnumerable<object?> DescribeListeners(QueryParameters p)
    {
        var arns = p.GetList("ListenerArns.member");
        var loadBalancerArn = p.Get("LoadBalancerArn");
        if (arns.Count == 0 && loadBalancerArn is null)
        {
            throw Elbv2Errors.Validation("You must specify either listener ARNs or a load balancer ARN");
        }

        List<Listener> selected;
        if (loadBalancerArn is not null)
        {
            var loadBalancer = FindLoadBalancer(loadBalancerArn);
            selected = _state.ListenersOf(loadBalancer.Arn).ToList();
            if (arns.Count > 0)
            {
                selected = selected.Where(l => arns.Contains(l.Arn)).ToList();
            }
        }
        else
        {
            foreach (var arn in arns)
            {
                ValidateArn(arn, ":listener/", "listener");
            }

            selected = _state.Listeners.Values.Where(l => arns.Contains(l.Arn)).ToList();
        }

        if (arns.Count > 0 && selected.Count < arns.Distinct(StringComparer.Ordinal).Count())
        {
            throw Elbv2Errors.ListenerNotFound();
        }

        var (page, next) = Page(selected.OrderBy(l => l.Port).ThenBy(l => l.Arn, StringComparer.Ordinal).ToList(), p);
        yield return Xml.Members("Listeners", page, ListenerMembers);
        yield return Xml.Opt("NextMarker", next);
    }

    private IEnumerable<object?> ListenerMembers(Listener listener) =>
    [
        Xml.E("ListenerArn", listener.Arn),
        Xml.E("LoadBalancerArn", listener.LoadBalancerArn),
        Xml.E("Port", Xml.Format(listener.Port)),
        Xml.E("Protocol", listener.Protocol),
        Xml.Members("DefaultActions", listener.DefaultActions, a =>
        [
            Xml.E("Type", a.Type),
            a.TargetGroups.Count == 1 ? Xml.E("TargetGroupArn", a.TargetGroups[0].TargetGroupArn) : null,
            Xml.Opt("Order", a.Order),
            Xml.E(
                "ForwardConfig",
                Xml.Members("TargetGroups", a.TargetGroups, t => [Xml.E("TargetGroupArn", t.TargetGroupArn), Xml.E("Weight", Xml.Format(t.Weight))]),
                Xml.E("TargetGroupStickinessConfig", Xml.E("Enabled", "false"))),
        ]),
    ];

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> DeleteListener(QueryParameters p)
    {
        var arn = Require(p, "ListenerArn");
        ValidateArn(arn, ":listener/", "listener");
        if (!_state.Listeners.Remove(arn))
        {
            throw Elbv2Errors.ListenerNotFound($"Listener '{arn}' not found");
        }

        yield break;
    }
}
