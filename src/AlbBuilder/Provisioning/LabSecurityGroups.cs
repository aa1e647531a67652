using AlbBuilder.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's two security groups: the load balancer's (the listener port from anywhere) and the instances' (the target
/// port from the load balancer's group only, plus the optional direct-access CIDR; no SSH). Creates, finds and deletes them.
/// </summary>
internal static class LabSecurityGroups
{
    public static async Task<string> EnsureLoadBalancerGroupAsync(LabStart start, LabNetwork network)
    {
        var definition = start.Definition;
        var groupId = start.Found.LoadBalancerSecurityGroup?.GroupId ?? await CreateAsync(
            start, LabResourceKind.LoadBalancerSecurityGroup, definition.LoadBalancerSecurityGroupName, "load balancer", network).ConfigureAwait(false);
        start.Uses(new LabResource(LabResourceKind.LoadBalancerSecurityGroup, groupId));

        var port = definition.ListenerPort;
        await AuthorizeAsync(
            start,
            LabStep.AuthorizeLoadBalancerIngress,
            groupId,
            $"TCP {port} from 0.0.0.0/0",
            [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "Listener" }] }]).ConfigureAwait(false);
        return groupId;
    }

    public static async Task<string> EnsureInstanceGroupAsync(LabStart start, LabNetwork network)
    {
        var groupId = start.Found.InstanceSecurityGroup?.GroupId ?? await CreateAsync(
            start, LabResourceKind.InstanceSecurityGroup, start.Definition.InstanceSecurityGroupName, "instances", network).ConfigureAwait(false);
        start.Uses(new LabResource(LabResourceKind.InstanceSecurityGroup, groupId));
        return groupId;
    }

    /// <summary>The instances admit the target port only from the load balancer's group (plus the optional direct-access CIDR).</summary>
    public static async Task<string> AuthorizeInstanceIngressAsync(LabStart start, Task<string> instanceGroup, Task<string> loadBalancerGroup)
    {
        var groupId = await instanceGroup.ConfigureAwait(false);
        var fromGroup = await loadBalancerGroup.ConfigureAwait(false);
        var port = start.Definition.TargetPort;
        var permissions = new List<IpPermission>
        {
            new() { IpProtocol = "tcp", FromPort = port, ToPort = port, UserIdGroupPairs = [new UserIdGroupPair { GroupId = fromGroup, Description = "From the load balancer" }] },
        };
        var detail = $"TCP {port} from {fromGroup}";
        if (start.Definition.DirectInstanceAccessCidr is { } cidr)
        {
            permissions.Add(new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr, Description = "Direct instance access" }] });
            detail += $" and from {cidr}";
        }

        await AuthorizeAsync(start, LabStep.AuthorizeInstanceIngress, groupId, detail, permissions).ConfigureAwait(false);
        return groupId;
    }

    /// <summary>The lab's groups (ownership-tagged), by role: the load balancer's and the instances'.</summary>
    public static async Task<(SecurityGroup? LoadBalancer, SecurityGroup? Instances)> FindAsync(IAmazonEC2 ec2, string lab, CancellationToken cancellationToken)
    {
        var groups = (await Ec2Queries.DescribeSecurityGroupsAsync(ec2, [Ec2ModelExtensions.TagFilter(LabTags.Lab, lab)], cancellationToken).ConfigureAwait(false))
            .Where(g => LabOwnership.IsOwned(lab, key => g.Tags.TagValue(key)))
            .ToList();
        return (
            groups.FirstOrDefault(g => g.Tags.TagValue(LabTags.Role) == LabRoles.LoadBalancerSecurityGroup),
            groups.FirstOrDefault(g => g.Tags.TagValue(LabTags.Role) == LabRoles.InstanceSecurityGroup));
    }

    /// <summary>
    /// Deletes a group; NotFound is done. The load balancer's ENIs linger for minutes after it is deleted, so
    /// DependencyViolation is retried until the deadline; every fifth time <paramref name="stillInUse"/> may free it.
    /// </summary>
    public static Task DeleteAsync(LabContext lab, LabProgress progress, string groupId, Func<CancellationToken, Task> stillInUse, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return LabRetry.RunAsync(
            LabStep.DeleteSecurityGroup,
            async token =>
            {
                try
                {
                    await lab.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }, token).ConfigureAwait(false);
                }
                catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound))
                {
                }
                catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.DependencyViolation) && attempts++ % 5 == 0)
                {
                    await stillInUse(token).ConfigureAwait(false);
                    throw;
                }
            },
            ex => ex.HasErrorCode(Ec2ErrorCodes.DependencyViolation),
            RetryPolicy.UntilDeadline(lab.Definition.PollInterval),
            lab.Time,
            progress,
            cancellationToken);
    }

    /// <summary>A group referenced by another group's rule can't be deleted: revoke rules that name another lab group first.</summary>
    public static async Task RevokeCrossReferencesAsync(IAmazonEC2 ec2, LabProgress progress, IReadOnlyList<string> groupIds, CancellationToken ct)
    {
        var groups = await Ec2Queries.DescribeSecurityGroupsAsync(ec2, [Ec2ModelExtensions.Filter("group-id", [.. groupIds])], ct).ConfigureAwait(false);
        foreach (var group in groups)
        {
            var references = (group.IpPermissions ?? [])
                .Select(p => new IpPermission
                {
                    IpProtocol = p.IpProtocol,
                    FromPort = p.FromPort,
                    ToPort = p.ToPort,
                    UserIdGroupPairs = [.. (p.UserIdGroupPairs ?? []).Where(pair => pair.GroupId is { } id && id != group.GroupId && groupIds.Contains(id))],
                })
                .Where(p => p.UserIdGroupPairs.Count > 0)
                .ToList();
            if (references.Count == 0 || group.GroupId is null)
            {
                continue;
            }

            try
            {
                await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = references }, ct).ConfigureAwait(false);
                progress.Progress(LabStep.DeleteSecurityGroup, $"Revoked the rules of {group.GroupId} that refer to another lab security group");
            }
            catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidPermissionNotFound) || ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound))
            {
            }
        }
    }

    private static Task<string> CreateAsync(LabStart start, LabResourceKind kind, string name, string purpose, LabNetwork network)
    {
        var (step, role) = kind == LabResourceKind.LoadBalancerSecurityGroup
            ? (LabStep.CreateLoadBalancerSecurityGroup, LabRoles.LoadBalancerSecurityGroup)
            : (LabStep.CreateInstanceSecurityGroup, LabRoles.InstanceSecurityGroup);
        var ec2 = start.Lab.Ec2;
        return start.Steps.RunAsync(
            step,
            $"Creating security group {name} in {network.VpcId}",
            async ct =>
            {
                CreateSecurityGroupResponse? response;
                try
                {
                    response = await ec2.CreateSecurityGroupAsync(
                        new CreateSecurityGroupRequest
                        {
                            GroupName = name,
                            Description = $"AlbBuilder lab {start.Definition.Name}: {purpose}",
                            VpcId = network.VpcId,
                            TagSpecifications = [start.Ownership.Ec2Spec(ResourceType.SecurityGroup, role, name)],
                        },
                        ct).ConfigureAwait(false);
                }
                catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupDuplicate))
                {
                    // CreateSecurityGroup is not idempotent: an earlier, interrupted start's create may have landed after
                    // the lookup. Adopt it when it is this lab's (ownership tags); a foreign group keeps the error.
                    var existing = (await Ec2Queries.DescribeSecurityGroupsAsync(ec2, [Ec2ModelExtensions.Filter("group-name", name), Ec2ModelExtensions.Filter("vpc-id", network.VpcId)], ct).ConfigureAwait(false))
                        .FirstOrDefault(g => g.GroupId is not null && g.Tags.TagValue(LabTags.Role) == role && LabOwnership.IsOwned(start.Definition.Name, key => g.Tags.TagValue(key)));
                    return existing?.GroupId ?? throw new AlbLabException($"Security group {name} already exists in {network.VpcId} and is not this lab's (no {LabTags.Lab}={start.Definition.Name} ownership tags). Delete it or pick another lab name.", ex);
                }

                var groupId = response?.GroupId ?? throw new InvalidOperationException("CreateSecurityGroup returned no GroupId.");
                start.Created(new LabResource(kind, groupId));
                return groupId;
            },
            id => $"Created security group {id}");
    }

    /// <summary>
    /// Authorizes ingress one rule per call: AWS rejects a whole call with <c>InvalidPermission.Duplicate</c> when any
    /// rule in it already exists and adds none of the others, so a rule that exists (an adopted lab) is skipped on its
    /// own while a new one (say, direct access added on a re-run) still lands. NotFound right after the create is retried.
    /// </summary>
    private static Task AuthorizeAsync(LabStart start, LabStep step, string groupId, string detail, List<IpPermission> permissions) =>
        start.Steps.RunAsync(
            step,
            $"Allowing {detail} into {groupId}",
            ct => start.RetryAsync(
                step,
                async token =>
                {
                    foreach (var rule in permissions.SelectMany(SingleRules))
                    {
                        try
                        {
                            await start.Lab.Ec2.AuthorizeSecurityGroupIngressAsync(
                                new AuthorizeSecurityGroupIngressRequest
                                {
                                    GroupId = groupId,
                                    IpPermissions = [rule],
                                    TagSpecifications = [start.Ownership.Ec2Spec(ResourceType.SecurityGroupRule, LabRoles.SecurityGroupRule, null)],
                                },
                                token).ConfigureAwait(false);
                        }
                        catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidPermissionDuplicate))
                        {
                            // This one rule exists already; the call added nothing else, as it held nothing else.
                        }
                    }

                    return true;
                },
                ex => ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound),
                ct),
            $"Allowed {detail} into {groupId}",
            new LabResource(step == LabStep.AuthorizeLoadBalancerIngress ? LabResourceKind.LoadBalancerSecurityGroup : LabResourceKind.InstanceSecurityGroup, groupId));

    /// <summary>A permission split into one permission per peer (CIDR or group), each a single rule.</summary>
    private static IEnumerable<IpPermission> SingleRules(IpPermission permission) =>
        (permission.Ipv4Ranges ?? []).Select(range => new IpPermission { IpProtocol = permission.IpProtocol, FromPort = permission.FromPort, ToPort = permission.ToPort, Ipv4Ranges = [range] })
            .Concat((permission.UserIdGroupPairs ?? []).Select(pair => new IpPermission { IpProtocol = permission.IpProtocol, FromPort = permission.FromPort, ToPort = permission.ToPort, UserIdGroupPairs = [pair] }));
}
