using System.Globalization;
using System.Net;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>Security groups and their rules.</summary>
internal sealed partial class Ec2Api
{
    [AwsAction]
    private IEnumerable<object?> CreateSecurityGroup(QueryParameters p)
    {
        var name = Ec2Rules.GroupText(Require(p, "GroupName"), "GroupName");
        var description = Ec2Rules.GroupText(Require(p, "GroupDescription"), "GroupDescription");
        var vpcId = p.Get("VpcId") ?? _state.DefaultVpc.Id;
        if (!_state.Vpcs.ContainsKey(vpcId))
        {
            throw Ec2Errors.VpcNotFound(vpcId);
        }

        if (name.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidParameterValue("Cannot use reserved security group name: default");
        }

        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidParameterValue("Group names may not be in the format sg-*");
        }

        if (_state.SecurityGroupNamed(name, vpcId) is not null)
        {
            throw new AwsServiceError("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
        }

        _state.Quotas.CheckSecurityGroups(_state.SecurityGroups.Count);
        var tags = TagSpecifications(p, "security-group");
        var group = new SecurityGroup { Id = ResourceIds.New("sg"), Name = name, Description = description, VpcId = vpcId };
        TagLimit.Apply(group.Tags, tags, Ec2Errors.TagLimitExceeded);
        group.Egress.Add(new SecurityGroupRule("-1", null, null, "0.0.0.0/0", null, null) { RuleId = ResourceIds.New("sgr") });
        _state.SecurityGroups[group.Id] = group;

        yield return ReturnTrue;
        yield return Xml.E("groupId", group.Id);
        yield return Xml.E("securityGroupArn", GroupArn(group));
        yield return TagSet(group.Tags);
    }

    [AwsAction]
    private IEnumerable<object?> DescribeSecurityGroups(QueryParameters p)
    {
        var ids = p.GetList("GroupId");
        var names = p.GetList("GroupName");
        var filters = Ec2Filter.Parse(p);
        foreach (var id in ids)
        {
            FindGroup(id);
        }

        foreach (var name in names.Where(n => _state.SecurityGroupNamed(n, _state.DefaultVpc.Id) is null))
        {
            throw Ec2Errors.GroupNotFound(name);
        }

        var groups = _state.SecurityGroups.Values
            .Where(g => ids.Count == 0 || ids.Contains(g.Id))
            .Where(g => names.Count == 0 || (names.Contains(g.Name) && g.VpcId == _state.DefaultVpc.Id))
            .Where(g => Ec2Filter.MatchesAll(
                filters,
                name => name switch
                {
                    "group-id" => [g.Id],
                    "group-name" => [g.Name],
                    "vpc-id" => [g.VpcId],
                    "description" => [g.Description],
                    "owner-id" => [CloudState.AccountId],
                    "ip-permission.group-id" => g.Ingress.Select(r => r.GroupId),
                    "ip-permission.cidr" => g.Ingress.Select(r => r.CidrIp),
                    "ip-permission.from-port" => g.Ingress.Select(r => r.FromPort?.ToString(CultureInfo.InvariantCulture)),
                    "ip-permission.to-port" => g.Ingress.Select(r => r.ToPort?.ToString(CultureInfo.InvariantCulture)),
                    "ip-permission.protocol" => g.Ingress.Select(r => r.Protocol),
                    "egress.ip-permission.group-id" => g.Egress.Select(r => r.GroupId),
                    "egress.ip-permission.cidr" => g.Egress.Select(r => r.CidrIp),
                    _ => null,
                },
                g.Tags))
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .ToList();

        var (page, next) = Paginate(groups, Int(p, "MaxResults"), p.Get("NextToken"), 5);
        yield return Xml.Items("securityGroupInfo", page, g =>
        [
            Xml.E("ownerId", CloudState.AccountId),
            Xml.E("groupId", g.Id),
            Xml.E("groupName", g.Name),
            Xml.E("groupDescription", g.Description),
            Xml.E("vpcId", g.VpcId),
            Xml.E("securityGroupArn", GroupArn(g)),
            Permissions("ipPermissions", g.Ingress),
            Permissions("ipPermissionsEgress", g.Egress),
            TagSet(g.Tags),
        ]);
        yield return Xml.Opt("nextToken", next);
    }

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> DeleteSecurityGroup(QueryParameters p)
    {
        var group = p.Get("GroupId") is { } id
            ? FindGroup(id)
            : p.Get("GroupName") is { } name
                ? _state.SecurityGroupNamed(name, _state.DefaultVpc.Id)
                    ?? throw Ec2Errors.GroupNotFound(name)
                : throw Ec2Errors.MissingParameter("GroupId");

        if (group.IsDefault)
        {
            throw new AwsServiceError("CannotDelete", $"the specified group: \"{group.Id}\" name: \"default\" cannot be deleted by a user");
        }

        if (IsInUse(group))
        {
            throw Ec2Errors.DependencyViolation(group.Id);
        }

        _state.SecurityGroups.Remove(group.Id);
        _state.LingeringNetworkInterfaces.Remove(group.Id);
        yield return ReturnTrue;
        yield return Xml.E("groupId", group.Id);
    }

    /// <summary>In use by a live instance, a load balancer (also while its network interfaces linger) or another group's rule.</summary>
    private bool IsInUse(SecurityGroup group)
    {
        if (_state.Instances.Values.Any(i => i.State != InstanceState.Terminated && i.SecurityGroupIds.Contains(group.Id)))
        {
            return true;
        }

        if (_state.LoadBalancers.Values.Any(lb => lb.SecurityGroups.Contains(group.Id)))
        {
            return true;
        }

        if (_state.LingeringNetworkInterfaces.TryGetValue(group.Id, out var until) && _state.Now < until)
        {
            return true;
        }

        return _state.SecurityGroups.Values.Any(g =>
            g.Id != group.Id && g.Ingress.Concat(g.Egress).Any(r => r.GroupId == group.Id));
    }

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> AuthorizeSecurityGroupIngress(QueryParameters p) => ChangeRules(p, ingress: true, add: true);

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> AuthorizeSecurityGroupEgress(QueryParameters p) => ChangeRules(p, ingress: false, add: true);

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> RevokeSecurityGroupIngress(QueryParameters p) => ChangeRules(p, ingress: true, add: false);

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> RevokeSecurityGroupEgress(QueryParameters p) => ChangeRules(p, ingress: false, add: false);

    private IEnumerable<object?> ChangeRules(QueryParameters p, bool ingress, bool add)
    {
        var group = p.Get("GroupId") is { } id
            ? FindGroup(id)
            : p.Get("GroupName") is { } name
                ? _state.SecurityGroupNamed(name, _state.DefaultVpc.Id)
                    ?? throw Ec2Errors.GroupNotFound(name)
                : throw Ec2Errors.MissingParameter("GroupId");

        var rules = ReadPermissions(p, group);
        if (rules.Count == 0)
        {
            throw Ec2Errors.MissingParameter("IpPermissions");
        }

        var list = ingress ? group.Ingress : group.Egress;
        if (add)
        {
            _state.Quotas.CheckRules(list.Count, rules.Count);
            foreach (var rule in rules)
            {
                if (list.Any(r => r.SameRuleAs(rule)) || rules.Count(r => r.SameRuleAs(rule)) > 1)
                {
                    throw new AwsServiceError("InvalidPermission.Duplicate", $"the specified rule \"{rule.Describe()}\" already exists");
                }
            }

            var added = rules.Select(r => r with { RuleId = ResourceIds.New("sgr") }).ToList();
            list.AddRange(added);
            yield return ReturnTrue;
            yield return Xml.Items("securityGroupRuleSet", added, r =>
            [
                Xml.E("securityGroupRuleId", r.RuleId),
                Xml.E("groupId", group.Id),
                Xml.E("groupOwnerId", CloudState.AccountId),
                Xml.E("isEgress", Xml.Format(!ingress)),
                Xml.E("ipProtocol", r.Protocol),
                Xml.E("fromPort", Xml.Format(r.FromPort ?? -1)),
                Xml.E("toPort", Xml.Format(r.ToPort ?? -1)),
                Xml.Opt("cidrIpv4", r.CidrIp),
                r.GroupId is null ? null : Xml.E("referencedGroupInfo", Xml.E("groupId", r.GroupId), Xml.E("userId", CloudState.AccountId)),
                Xml.Opt("description", r.Description),
            ]);
        }
        else
        {
            foreach (var rule in rules)
            {
                if (!list.Any(r => r.SameRuleAs(rule)))
                {
                    throw new AwsServiceError("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
                }
            }

            list.RemoveAll(r => rules.Any(rule => rule.SameRuleAs(r)));
            yield return ReturnTrue;
        }
    }

    private List<SecurityGroupRule> ReadPermissions(QueryParameters p, SecurityGroup group)
    {
        var rules = new List<SecurityGroupRule>();
        foreach (var permission in p.GetStructList("IpPermissions"))
        {
            var protocol = NormalizeProtocol(permission.Get("IpProtocol") ?? throw Ec2Errors.MissingParameter("IpPermissions.IpProtocol"));
            int? from = null, to = null;
            if (protocol != "-1")
            {
                from = Int(permission, "FromPort");
                to = Int(permission, "ToPort");
                if (protocol is "tcp" or "udp"
                    && (from is null || to is null || from < 0 || to > 65535 || from > to))
                {
                    throw Ec2Errors.InvalidParameterValue(
                        $"Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange (from {from}, to {to})");
                }
            }

            var ranges = permission.GetStructList("IpRanges");
            var pairs = permission.GetStructList("Groups");
            if (ranges.Count == 0 && pairs.Count == 0)
            {
                throw Ec2Errors.MissingParameter("IpPermissions.IpRanges or IpPermissions.Groups");
            }

            foreach (var range in ranges)
            {
                var cidr = range.Get("CidrIp") ?? throw Ec2Errors.MissingParameter("CidrIp");
                if (!IPNetwork.TryParse(cidr, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    throw Ec2Errors.InvalidParameterValue($"CIDR block {AwsText.Echo(cidr)} is malformed");
                }

                rules.Add(new SecurityGroupRule(protocol, from, to, network.ToString(), null, Ec2Rules.RuleDescription(range.Get("Description"))));
            }

            foreach (var pair in pairs)
            {
                var referenced = pair.Get("GroupId") is { } groupId
                    ? FindGroup(groupId)
                    : pair.Get("GroupName") is { } groupName
                        ? _state.SecurityGroupNamed(groupName, group.VpcId)
                            ?? throw Ec2Errors.GroupNotFound(groupName)
                        : throw Ec2Errors.MissingParameter("Groups.GroupId");
                if (referenced.VpcId != group.VpcId)
                {
                    throw Ec2Errors.InvalidParameterValue($"You have specified two resources that belong to different networks.");
                }

                rules.Add(new SecurityGroupRule(protocol, from, to, null, referenced.Id, Ec2Rules.RuleDescription(pair.Get("Description"))));
            }
        }

        return rules;
    }

    private static string NormalizeProtocol(string protocol) => protocol.ToLowerInvariant() switch
    {
        "tcp" or "6" => "tcp",
        "udp" or "17" => "udp",
        "icmp" or "1" => "icmp",
        "-1" or "all" => "-1",
        var other => throw Ec2Errors.InvalidParameterValue($"Invalid value '{AwsText.Echo(other)}' for IP protocol. Unknown protocol."),
    };

    private static System.Xml.Linq.XElement Permissions(string name, IEnumerable<SecurityGroupRule> rules) =>
        Xml.Items(name, rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort)), g =>
        [
            Xml.E("ipProtocol", g.Key.Protocol),
            Xml.Opt("fromPort", g.Key.FromPort),
            Xml.Opt("toPort", g.Key.ToPort),
            Xml.Items("groups", g.Where(r => r.GroupId is not null), r =>
            [
                Xml.E("userId", CloudState.AccountId),
                Xml.E("groupId", r.GroupId),
                Xml.Opt("description", r.Description),
            ]),
            Xml.Items("ipRanges", g.Where(r => r.CidrIp is not null), r =>
            [
                Xml.E("cidrIp", r.CidrIp),
                Xml.Opt("description", r.Description),
            ]),
            Xml.E("ipv6Ranges"),
            Xml.E("prefixListIds"),
        ]);

    private SecurityGroup FindGroup(string id)
    {
        if (!GroupIdPattern().IsMatch(id))
        {
            throw Ec2Errors.GroupMalformed(id);
        }

        return _state.SecurityGroups.TryGetValue(id, out var group) ? group : throw Ec2Errors.GroupNotFound(id);
    }

    private string GroupArn(SecurityGroup group) => $"arn:aws:ec2:{_state.Region}:{CloudState.AccountId}:security-group/{group.Id}";
}
