using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>Load balancers: create (idempotent), describe, delete, attributes, and their life cycle.</summary>
internal sealed partial class Elbv2Api
{
    private static readonly Dictionary<string, string> _defaultLoadBalancerAttributes = new(StringComparer.Ordinal)
    {
        ["access_logs.s3.enabled"] = "false",
        ["access_logs.s3.bucket"] = string.Empty,
        ["access_logs.s3.prefix"] = string.Empty,
        ["connection_logs.s3.enabled"] = "false",
        ["connection_logs.s3.bucket"] = string.Empty,
        ["connection_logs.s3.prefix"] = string.Empty,
        ["client_keep_alive.seconds"] = "3600",
        ["deletion_protection.enabled"] = "false",
        ["idle_timeout.timeout_seconds"] = "60",
        ["routing.http.desync_mitigation_mode"] = "defensive",
        ["routing.http.drop_invalid_header_fields.enabled"] = "false",
        ["routing.http.preserve_host_header.enabled"] = "false",
        ["routing.http.x_amzn_tls_version_and_cipher_suite.enabled"] = "false",
        ["routing.http.xff_client_port.enabled"] = "false",
        ["routing.http.xff_header_processing.mode"] = "append",
        ["routing.http2.enabled"] = "true",
        ["waf.fail_open.enabled"] = "false",
        ["zonal_shift.config.enabled"] = "false",
    };

    private static readonly Dictionary<string, Func<string, bool>> _loadBalancerAttributeValidators = new(StringComparer.Ordinal)
    {
        ["access_logs.s3.enabled"] = IsBool,
        ["access_logs.s3.bucket"] = Elbv2Rules.IsBucketOrEmpty,
        ["access_logs.s3.prefix"] = Elbv2Rules.IsLogPrefix,
        ["connection_logs.s3.enabled"] = IsBool,
        ["connection_logs.s3.bucket"] = Elbv2Rules.IsBucketOrEmpty,
        ["connection_logs.s3.prefix"] = Elbv2Rules.IsLogPrefix,
        ["client_keep_alive.seconds"] = IsInt(60, 604800),
        ["deletion_protection.enabled"] = IsBool,
        ["idle_timeout.timeout_seconds"] = IsInt(1, 4000),
        ["routing.http.desync_mitigation_mode"] = v => v is "monitor" or "defensive" or "strictest",
        ["routing.http.drop_invalid_header_fields.enabled"] = IsBool,
        ["routing.http.preserve_host_header.enabled"] = IsBool,
        ["routing.http.x_amzn_tls_version_and_cipher_suite.enabled"] = IsBool,
        ["routing.http.xff_client_port.enabled"] = IsBool,
        ["routing.http.xff_header_processing.mode"] = v => v is "append" or "preserve" or "remove",
        ["routing.http2.enabled"] = IsBool,
        ["waf.fail_open.enabled"] = IsBool,
        ["zonal_shift.config.enabled"] = IsBool,
    };

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> CreateLoadBalancer(QueryParameters p)
    {
        var name = Require(p, "Name");
        ValidateName(name, "load balancer");
        if (name.StartsWith("internal-", StringComparison.OrdinalIgnoreCase))
        {
            throw Elbv2Errors.Validation($"Load balancer name '{AwsText.Echo(name)}' cannot begin with 'internal-'");
        }

        var type = p.Get("Type") ?? "application";
        if (type != "application")
        {
            throw Elbv2Errors.Validation(type is "network" or "gateway"
                ? $"LocalCloud emulates application load balancers only, not '{type}'"
                : $"Value '{AwsText.Echo(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [application, network, gateway]");
        }

        var scheme = p.Get("Scheme") ?? "internet-facing";
        if (scheme is not ("internet-facing" or "internal"))
        {
            throw Elbv2Errors.Validation($"Value '{AwsText.Echo(scheme)}' at 'scheme' failed to satisfy constraint: Member must satisfy enum value set: [internet-facing, internal]");
        }

        var ipAddressType = p.Get("IpAddressType") ?? "ipv4";
        if (ipAddressType is not ("ipv4" or "dualstack" or "dualstack-without-public-ipv4"))
        {
            throw Elbv2Errors.Validation($"Value '{AwsText.Echo(ipAddressType)}' at 'ipAddressType' failed to satisfy constraint");
        }

        var subnetIds = p.GetList("Subnets.member").Concat(p.GetStructList("SubnetMappings.member").Select(m => m.Get("SubnetId") ?? throw Elbv2Errors.Missing("SubnetId"))).ToList();
        if (subnetIds.Count == 0)
        {
            throw Elbv2Errors.Validation("At least two subnets in two different Availability Zones must be specified");
        }

        var subnets = new List<Ec2.Subnet>();
        foreach (var id in subnetIds.Distinct(StringComparer.Ordinal))
        {
            subnets.Add(_state.Subnets.TryGetValue(id, out var subnet)
                ? subnet
                : throw new AwsServiceError("SubnetNotFound", $"The subnet ID '{AwsText.Echo(id)}' is not valid"));
        }

        if (subnets.Select(s => s.VpcId).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw Elbv2Errors.InvalidConfiguration("The subnets must all belong to the same VPC");
        }

        if (subnets.GroupBy(s => s.AvailabilityZone).Any(g => g.Count() > 1))
        {
            throw Elbv2Errors.InvalidConfiguration("A load balancer cannot be attached to multiple subnets in the same Availability Zone");
        }

        if (subnets.Count < 2)
        {
            throw Elbv2Errors.Validation("At least two subnets in two different Availability Zones must be specified");
        }

        var vpcId = subnets[0].VpcId;
        var groups = p.GetList("SecurityGroups.member").Distinct(StringComparer.Ordinal).ToList();
        foreach (var groupId in groups)
        {
            if (!_state.SecurityGroups.TryGetValue(groupId, out var group) || group.VpcId != vpcId)
            {
                throw new AwsServiceError("InvalidSecurityGroup", $"Security group '{AwsText.Echo(groupId)}' does not exist");
            }
        }

        if (groups.Count == 0)
        {
            groups.Add(_state.DefaultSecurityGroupOf(vpcId).Id);
        }

        var tags = ReadTags(p);
        if (_state.LoadBalancers.Values.FirstOrDefault(lb => lb.Name == name && !lb.Deleting) is { } existing)
        {
            var same = existing.Scheme == scheme && existing.Type == type && existing.IpAddressType == ipAddressType
                && existing.Subnets.Select(s => s.SubnetId).Order(StringComparer.Ordinal).SequenceEqual(subnets.Select(s => s.Id).Order(StringComparer.Ordinal))
                && existing.SecurityGroups.Order(StringComparer.Ordinal).SequenceEqual(groups.Order(StringComparer.Ordinal));
            if (!same)
            {
                throw new AwsServiceError("DuplicateLoadBalancerName", $"A load balancer with the same name '{name}' exists, but with different settings");
            }

            yield return Xml.Members("LoadBalancers", [existing], LoadBalancerMembers);
            yield break;
        }

        _state.Quotas.CheckLoadBalancers(_state.LoadBalancers.Count);

        var arnId = ResourceIds.Hex(16);
        var loadBalancer = new LoadBalancer
        {
            Arn = Arn($"loadbalancer/app/{name}/{arnId}"),
            Name = name,
            DnsName = $"{(scheme == "internal" ? "internal-" : string.Empty)}{name}-{ResourceIds.Digits(10)}.{_state.Region}.elb.localhost".ToLowerInvariant(),
            VpcId = vpcId,
            Scheme = scheme,
            Type = type,
            IpAddressType = ipAddressType,
            CreatedTime = _state.Now,
            Subnets = subnets.Select(s => new LoadBalancerSubnet(s.Id, s.AvailabilityZone, _state.AllocatePrivateIp(s))).ToList(),
            SecurityGroups = groups,
        };
        foreach (var (key, value) in _defaultLoadBalancerAttributes)
        {
            loadBalancer.Attributes[key] = value;
        }

        TagLimit.Apply(loadBalancer.Tags, tags, Elbv2Errors.TooManyTags);
        _state.LoadBalancers[loadBalancer.Arn] = loadBalancer;
        _state.Scheduler.After(_state.Profile.LoadBalancerProvisioning, () => Activate(loadBalancer));
        yield return Xml.Members("LoadBalancers", [loadBalancer], LoadBalancerMembers);
    }

    private void Activate(LoadBalancer loadBalancer)
    {
        lock (_state.Gate)
        {
            if (loadBalancer.Deleting || loadBalancer.State != LoadBalancerState.Provisioning)
            {
                return;
            }

            loadBalancer.State = LoadBalancerState.Active;
        }

        _state.NotifyChanged();
    }

    [AwsAction]
    private IEnumerable<object?> DescribeLoadBalancers(QueryParameters p)
    {
        var arns = p.GetList("LoadBalancerArns.member");
        var names = p.GetList("Names.member");
        if (arns.Count > 0 && names.Count > 0)
        {
            throw Elbv2Errors.Validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }

        var all = _state.LoadBalancers.Values.OrderBy(lb => lb.CreatedTime).ThenBy(lb => lb.Arn, StringComparer.Ordinal).ToList();
        List<LoadBalancer> selected;
        if (arns.Count > 0)
        {
            foreach (var arn in arns)
            {
                ValidateArn(arn, ":loadbalancer/", "load balancer");
            }

            selected = all.Where(lb => arns.Contains(lb.Arn)).ToList();
            if (selected.Count < arns.Distinct(StringComparer.Ordinal).Count())
            {
                throw Elbv2Errors.LoadBalancerNotFound();
            }
        }
        else if (names.Count > 0)
        {
            selected = all.Where(lb => names.Contains(lb.Name)).ToList();
            var missing = names.Where(n => selected.All(lb => lb.Name != n)).ToList();
            if (missing.Count > 0)
            {
                throw Elbv2Errors.LoadBalancerNotFound($"Load balancers '[{string.Join(", ", missing.Select(AwsText.Echo))}]' not found");
            }
        }
        else
        {
            selected = all;
        }

        var (page, next) = Page(selected, p);
        yield return Xml.Members("LoadBalancers", page, LoadBalancerMembers);
        yield return Xml.Opt("NextMarker", next);
    }

    private IEnumerable<object?> LoadBalancerMembers(LoadBalancer lb) =>
    [
        Xml.E("LoadBalancerArn", lb.Arn),
        Xml.E("DNSName", lb.DnsName),
        Xml.E("CanonicalHostedZoneId", "Z35SXDOTRQ7X7K"),
        Xml.E("CreatedTime", Xml.Timestamp(lb.CreatedTime)),
        Xml.E("LoadBalancerName", lb.Name),
        Xml.E("Scheme", lb.Scheme),
        Xml.E("VpcId", lb.VpcId),
        Xml.E("State", Xml.E("Code", lb.State switch
        {
            LoadBalancerState.Provisioning => "provisioning",
            LoadBalancerState.Failed => "failed",
            _ => "active",
        })),
        Xml.E("Type", lb.Type),
        Xml.Members("AvailabilityZones", lb.Subnets, s =>
        [
            Xml.E("ZoneName", s.AvailabilityZone),
            Xml.E("SubnetId", s.SubnetId),
            Xml.E("LoadBalancerAddresses"),
        ]),
        Xml.MemberValues("SecurityGroups", lb.SecurityGroups),
        Xml.E("IpAddressType", lb.IpAddressType),
    ];

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> DeleteLoadBalancer(QueryParameters p)
    {
        var arn = Require(p, "LoadBalancerArn");
        ValidateArn(arn, ":loadbalancer/", "load balancer");

        // AWS: deleting a load balancer that does not exist (any more) succeeds.
        if (_state.LoadBalancers.TryGetValue(arn, out var loadBalancer) && !loadBalancer.Deleting)
        {
            if (loadBalancer.Attributes["deletion_protection.enabled"] == "true")
            {
                throw new AwsServiceError("OperationNotPermitted", $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");
            }

            loadBalancer.Deleting = true;
            _state.Scheduler.After(_state.Profile.LoadBalancerDeletion, () => Remove(loadBalancer));
        }

        yield break;
    }

    /// <summary>The load balancer and its listeners disappear; its network interfaces keep its groups in use a while longer.</summary>
    private void Remove(LoadBalancer loadBalancer)
    {
        lock (_state.Gate)
        {
            _state.LoadBalancers.Remove(loadBalancer.Arn);
            foreach (var listener in _state.ListenersOf(loadBalancer.Arn).ToList())
            {
                _state.Listeners.Remove(listener.Arn);
            }

            var linger = _state.Profile.NetworkInterfaceLinger;
            if (linger > TimeSpan.Zero)
            {
                var until = _state.Now + linger;
                foreach (var group in loadBalancer.SecurityGroups)
                {
                    _state.LingeringNetworkInterfaces[group] = until;
                }
            }
        }

        _state.NotifyChanged();
    }

    [AwsAction]
    private IEnumerable<object?> ModifyLoadBalancerAttributes(QueryParameters p)
    {
        var loadBalancer = FindLoadBalancer(Require(p, "LoadBalancerArn"));
        ModifyAttributes(p, loadBalancer.Attributes, _loadBalancerAttributeValidators, "Load balancer");
        yield return Attributes(loadBalancer.Attributes);
    }

    [AwsAction]
    private IEnumerable<object?> DescribeLoadBalancerAttributes(QueryParameters p)
    {
        var loadBalancer = FindLoadBalancer(Require(p, "LoadBalancerArn"));
        yield return Attributes(loadBalancer.Attributes);
    }

    private LoadBalancer FindLoadBalancer(string arn)
    {
        ValidateArn(arn, ":loadbalancer/", "load balancer");
        return _state.LoadBalancers.TryGetValue(arn, out var loadBalancer)
            ? loadBalancer
            : throw Elbv2Errors.LoadBalancerNotFound($"Load balancer '{AwsText.Echo(arn)}' not found");
    }

    private void ValidateArn(string arn, string marker, string kind)
    {
        if (!arn.StartsWith("arn:aws:elasticloadbalancing:", StringComparison.Ordinal) || !arn.Contains(marker, StringComparison.Ordinal))
        {
            throw Elbv2Errors.Validation($"'{AwsText.Echo(arn)}' is not a valid {kind} ARN");
        }
    }
}
