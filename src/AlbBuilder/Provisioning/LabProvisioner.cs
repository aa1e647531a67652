using System.Text;
using AlbBuilder.Building;
using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Amazon.EC2.Model;
using ElbAction = AlbBuilder.ElasticLoadBalancingV2.Model.Action;
using Instance = Amazon.EC2.Model.Instance;

namespace AlbBuilder.Provisioning;

/// <summary>
/// One start of a lab: discovery, then the instance branch and the load-balancer branch in parallel, joined by
/// RegisterTargets and CreateListener, then the waits. Reuses what <see cref="LabFinder"/> found (adoption) and records
/// every resource it creates in the <see cref="LabJournal"/>. The first failing step cancels the others and is rethrown
/// as <see cref="LabStepException"/> once every branch has stopped (so the journal is complete for the rollback).
/// </summary>
internal sealed class LabProvisioner
{
    private readonly AlbLabDefinition _definition;
    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonElasticLoadBalancingV2 _elb;
    private readonly TimeProvider _time;
    private readonly HttpMessageHandler? _trafficHandler;
    private readonly LabInventory _inventory;
    private readonly LabJournal _journal;
    private readonly LabProgress _progress;
    private readonly Lock _failureLock = new();
    private CancellationTokenSource _abort = new();
    private LabStepException? _failure;
    private LabOwnership? _ownership;
    private FoundLab? _found;

    public LabProvisioner(AlbLabDefinition definition, LabServices services, LabInventory inventory, LabJournal journal, LabProgress progress)
    {
        _definition = definition;
        _ec2 = services.Ec2;
        _elb = services.ElasticLoadBalancing;
        _time = services.TimeProvider;
        _trafficHandler = services.TrafficHandler;
        _inventory = inventory;
        _journal = journal;
        _progress = progress;
    }

    /// <summary>What existed before this start (adopted, never rolled back); null until the lookup ran.</summary>
    public FoundLab? Found => _found;

    private LabOwnership Ownership => _ownership ?? throw new InvalidOperationException("The lab id is not known yet.");

    private FoundLab Existing => _found ?? throw new InvalidOperationException("The lookup has not run yet.");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _abort = abort;
        try
        {
            await RunStepsAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw _failure ?? new LabStepException("Start", ex);
        }
    }

    private async Task RunStepsAsync()
    {
        _found = await StepAsync(
            "FindExistingLab",
            $"Looking for resources tagged {LabTags.Lab}={_definition.Name}",
            async ct =>
            {
                var found = await LabFinder.FindAsync(_ec2, _elb, _definition, ct).ConfigureAwait(false);

                // Creating would fail with DuplicateLoadBalancerName/DuplicateTargetGroupName anyway; say why up front.
                return found.ForeignNames.Count == 0 ? found : throw new AlbLabException(
                    $"These names are taken by resources that are not tagged {LabTags.Lab}={_definition.Name}: {string.Join(", ", found.ForeignNames)}. " +
                    "Pick another lab name or delete them.");
            },
            f => f.Any ? $"Found resources of lab {f.LabId ?? "(no id)"}: completing it" : "None found: creating the lab").ConfigureAwait(false);

        var labId = _found.LabId ?? LabOwnership.NewLabId();
        _ownership = new LabOwnership(_definition, labId, _time.GetUtcNow());
        _inventory.Clear();
        _inventory.LabId = labId;
        Adopt(_found);

        var network = await StepAsync(
            "DiscoverNetwork",
            _definition.VpcId is null ? "Looking up the default VPC and its default subnets" : $"Looking up VPC {_definition.VpcId} and its subnets",
            ct => NetworkDiscovery.DiscoverAsync(_ec2, _definition, ct),
            n => $"VPC {n.VpcId}, subnets {string.Join(", ", n.Subnets.Select(s => $"{s.SubnetId} ({s.AvailabilityZone})"))}",
            _definition.VpcId).ConfigureAwait(false);
        _inventory.VpcId = network.VpcId;
        _inventory.SubnetIds = [.. network.Subnets.Select(s => s.SubnetId)];

        var (targetGroup, registered) = _definition.SequentialBaseline
            ? await RunOneAfterAnotherAsync(network).ConfigureAwait(false)
            : await RunGraphAsync(network).ConfigureAwait(false);

        var targets = (await registered.ConfigureAwait(false)).ToList();
        await StepAsync(
            "WaitTargetsHealthy",
            $"Waiting for {targets.Count} target(s) to become healthy",
            async ct => await _elb.WaitUntilTargetsInServiceAsync(await targetGroup.ConfigureAwait(false), targets, LabWaits.Options(_time, _definition.Timeouts.TargetsHealthy, _definition.PollInterval, _progress, "WaitTargetsHealthy"), ct).ConfigureAwait(false),
            _ => "Every target is healthy").ConfigureAwait(false);
    }

    /// <summary>The dependency graph; each task starts as soon as what it needs exists.</summary>
    private async Task<(Task<string> TargetGroup, Task<IReadOnlyList<TargetDescription>> Registered)> RunGraphAsync(LabNetwork network)
    {
        var targetGroup = EnsureTargetGroupAsync(network);
        var loadBalancerGroup = EnsureLoadBalancerSecurityGroupAsync(network);
        var instanceGroupCreated = EnsureInstanceSecurityGroupAsync(network);
        var instanceGroup = AuthorizeInstanceIngressAsync(instanceGroupCreated, loadBalancerGroup);
        var loadBalancer = EnsureLoadBalancerAsync(loadBalancerGroup, network);
        var active = WaitLoadBalancerActiveAsync(loadBalancer);
        var listener = EnsureListenerAsync(loadBalancer, targetGroup);
        var instances = EnsureInstancesAsync(instanceGroup, network);
        var registered = RegisterTargetsAsync(targetGroup, instances);

        // WhenAll waits for every branch even after a failure, so the journal is complete before any rollback.
        await Task.WhenAll(targetGroup, loadBalancerGroup, instanceGroupCreated, instanceGroup, loadBalancer, instances, registered, listener, active).ConfigureAwait(false);
        return (targetGroup, registered);
    }

    /// <summary>
    /// The benchmark's baseline (<see cref="AlbLabDefinition.SequentialBaseline"/>): the seed's steps without overlap —
    /// security groups, instances and wait running, (with direct instance access, as the seed's first step does) browse
    /// each instance's own page until it serves, target group, register, load balancer and wait active, listener.
    /// </summary>
    private async Task<(Task<string> TargetGroup, Task<IReadOnlyList<TargetDescription>> Registered)> RunOneAfterAnotherAsync(LabNetwork network)
    {
        var loadBalancerGroup = Task.FromResult(await EnsureLoadBalancerSecurityGroupAsync(network).ConfigureAwait(false));
        var instanceGroupCreated = Task.FromResult(await EnsureInstanceSecurityGroupAsync(network).ConfigureAwait(false));
        var instanceGroup = Task.FromResult(await AuthorizeInstanceIngressAsync(instanceGroupCreated, loadBalancerGroup).ConfigureAwait(false));
        var instances = Task.FromResult(await EnsureInstancesAsync(instanceGroup, network).ConfigureAwait(false));
        if (_definition.DirectInstanceAccessCidr is not null)
        {
            await WaitInstancePagesAsync(await instances.ConfigureAwait(false)).ConfigureAwait(false);
        }

        var targetGroup = Task.FromResult(await EnsureTargetGroupAsync(network).ConfigureAwait(false));
        var registered = Task.FromResult(await RegisterTargetsAsync(targetGroup, instances).ConfigureAwait(false));
        var loadBalancer = Task.FromResult(await EnsureLoadBalancerAsync(loadBalancerGroup, network).ConfigureAwait(false));
        await WaitLoadBalancerActiveAsync(loadBalancer).ConfigureAwait(false);
        await EnsureListenerAsync(loadBalancer, targetGroup).ConfigureAwait(false);
        return (targetGroup, registered);
    }

    /// <summary>The seed's first check: each instance answers at its public address with its own page.</summary>
    private Task<int> WaitInstancePagesAsync(IReadOnlyList<string> instanceIds) => StepAsync(
        "WaitInstancePages",
        $"Browsing the page of {instanceIds.Count} instance(s) at its public address",
        async ct =>
        {
            var response = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. instanceIds] }, ct).ConfigureAwait(false);
            var addresses = (response.Reservations ?? [])
                .SelectMany(r => r.Instances ?? [])
                .Select(i => i.PublicIpAddress ?? throw new InvalidOperationException($"Instance {i.InstanceId} has no public address to browse."))
                .ToList();
            var handler = _trafficHandler ?? new SocketsHttpHandler();
            using var client = new HttpClient(handler, disposeHandler: _trafficHandler is null) { Timeout = TimeSpan.FromSeconds(5) };
            using var deadline = new CancellationTokenSource(_definition.Timeouts.TargetsHealthy, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            foreach (var address in addresses)
            {
                var url = new Uri($"http://{address}:{_definition.TargetPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
                while (!await ServesAsync(client, url, linked.Token).ConfigureAwait(false))
                {
                    await Task.Delay(_definition.PollInterval, _time, linked.Token).ConfigureAwait(false);
                }
            }

            return addresses.Count;
        },
        count => $"{count} instance page(s) served");

    private static async Task<bool> ServesAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // Not booted yet: the web server isn't listening.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // This request timed out; the step's own deadline bounds the whole wait.
        }
    }

    private void Adopt(FoundLab found)
    {
        _inventory.LoadBalancerSecurityGroupId = found.LoadBalancerSecurityGroup?.GroupId;
        _inventory.InstanceSecurityGroupId = found.InstanceSecurityGroup?.GroupId;
        _inventory.TargetGroupArn = found.TargetGroup?.TargetGroupArn;
        _inventory.LoadBalancerArn = found.LoadBalancer?.LoadBalancerArn;
        _inventory.LoadBalancerDnsName = found.LoadBalancer?.DNSName;
        _inventory.ListenerArn = found.Listener?.ListenerArn;
        foreach (var (index, instance) in found.Instances.Where(i => i.Key <= _definition.InstanceCount))
        {
            if (instance.InstanceId is { } id)
            {
                _inventory.SetInstance(index, id);
            }
        }
    }

    private async Task<string> EnsureLoadBalancerSecurityGroupAsync(LabNetwork network)
    {
        var groupId = Existing.LoadBalancerSecurityGroup?.GroupId
            ?? await CreateSecurityGroupAsync("CreateLoadBalancerSecurityGroup", _definition.LoadBalancerSecurityGroupName, "load balancer", LabRoles.LoadBalancerSecurityGroup, LabResourceKind.LoadBalancerSecurityGroup, network).ConfigureAwait(false);
        _inventory.LoadBalancerSecurityGroupId = groupId;

        var port = _definition.ListenerPort;
        await AuthorizeAsync(
            "AuthorizeLoadBalancerIngress",
            groupId,
            $"TCP {port} from 0.0.0.0/0",
            [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "Listener" }] }]).ConfigureAwait(false);
        return groupId;
    }

    private async Task<string> EnsureInstanceSecurityGroupAsync(LabNetwork network)
    {
        var groupId = Existing.InstanceSecurityGroup?.GroupId
            ?? await CreateSecurityGroupAsync("CreateInstanceSecurityGroup", _definition.InstanceSecurityGroupName, "instances", LabRoles.InstanceSecurityGroup, LabResourceKind.InstanceSecurityGroup, network).ConfigureAwait(false);
        _inventory.InstanceSecurityGroupId = groupId;
        return groupId;
    }

    /// <summary>The instances admit the target port only from the load balancer's group (plus the optional direct-access CIDR); no SSH.</summary>
    private async Task<string> AuthorizeInstanceIngressAsync(Task<string> instanceGroup, Task<string> loadBalancerGroup)
    {
        var groupId = await instanceGroup.ConfigureAwait(false);
        var fromGroup = await loadBalancerGroup.ConfigureAwait(false);
        var port = _definition.TargetPort;
        var permissions = new List<IpPermission>
        {
            new() { IpProtocol = "tcp", FromPort = port, ToPort = port, UserIdGroupPairs = [new UserIdGroupPair { GroupId = fromGroup, Description = "From the load balancer" }] },
        };
        var detail = $"TCP {port} from {fromGroup}";
        if (_definition.DirectInstanceAccessCidr is { } cidr)
        {
            permissions.Add(new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr, Description = "Direct instance access" }] });
            detail += $" and from {cidr}";
        }

        await AuthorizeAsync("AuthorizeInstanceIngress", groupId, detail, permissions).ConfigureAwait(false);
        return groupId;
    }

    private Task<string> CreateSecurityGroupAsync(string step, string name, string purpose, string role, LabResourceKind kind, LabNetwork network) =>
        StepAsync(
            step,
            $"Creating security group {name} in {network.VpcId}",
            async ct =>
            {
                CreateSecurityGroupResponse? response;
                try
                {
                    response = await _ec2.CreateSecurityGroupAsync(
                        new CreateSecurityGroupRequest
                        {
                            GroupName = name,
                            Description = $"AlbBuilder lab {_definition.Name}: {purpose}",
                            VpcId = network.VpcId,
                            TagSpecifications = [Ownership.Ec2Spec(ResourceType.SecurityGroup, role, name)],
                        },
                        ct).ConfigureAwait(false);
                }
                catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupDuplicate))
                {
                    // CreateSecurityGroup is not idempotent: an earlier, interrupted start's create may have landed after
                    // the lookup. Adopt it when it is this lab's (ownership tags); a foreign group keeps the error.
                    var existing = (await Ec2Queries.DescribeSecurityGroupsAsync(_ec2, [Ec2ModelExtensions.Filter("group-name", name), Ec2ModelExtensions.Filter("vpc-id", network.VpcId)], ct).ConfigureAwait(false))
                        .FirstOrDefault(g => g.GroupId is not null && g.Tags.TagValue(LabTags.Role) == role && LabOwnership.IsOwned(_definition.Name, key => g.Tags.TagValue(key)));
                    return existing?.GroupId ?? throw new AlbLabException($"Security group {name} already exists in {network.VpcId} and is not this lab's (no {LabTags.Lab}={_definition.Name} ownership tags). Delete it or pick another lab name.", ex);
                }

                var groupId = response?.GroupId ?? throw new InvalidOperationException("CreateSecurityGroup returned no GroupId.");
                _journal.Record(kind, groupId);
                return groupId;
            },
            id => $"Created security group {id}");

    /// <summary>Authorizes ingress; a rule that already exists (adoption) is fine; NotFound right after the create is retried.</summary>
    private Task AuthorizeAsync(string step, string groupId, string detail, List<IpPermission> permissions) =>
        StepAsync(
            step,
            $"Allowing {detail} into {groupId}",
            ct => LabRetry.RunAsync(
                step,
                async token =>
                {
                    try
                    {
                        await _ec2.AuthorizeSecurityGroupIngressAsync(
                            new AuthorizeSecurityGroupIngressRequest
                            {
                                GroupId = groupId,
                                IpPermissions = permissions,
                                TagSpecifications = [Ownership.Ec2Spec(ResourceType.SecurityGroupRule, LabRoles.SecurityGroupRule, null)],
                            },
                            token).ConfigureAwait(false);
                    }
                    catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidPermissionDuplicate))
                    {
                    }

                    return true;
                },
                ex => ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound),
                RetryPolicy.EventualConsistency(_definition.PollInterval),
                _time,
                _progress,
                ct),
            _ => $"Allowed {detail} into {groupId}",
            groupId);

    private async Task<string> EnsureTargetGroupAsync(LabNetwork network)
    {
        var health = _definition.HealthCheck;
        var arn = Existing.TargetGroup?.TargetGroupArn ?? await StepAsync(
            "CreateTargetGroup",
            $"Creating target group {_definition.TargetGroupName} (HTTP {_definition.TargetPort}, health check {health.Path})",
            async ct =>
            {
                var response = await _elb.CreateTargetGroupAsync(
                    new CreateTargetGroupRequest
                    {
                        Name = _definition.TargetGroupName,
                        Protocol = ProtocolEnum.HTTP,
                        ProtocolVersion = "HTTP1",
                        Port = _definition.TargetPort,
                        VpcId = network.VpcId,
                        TargetType = TargetTypeEnum.Instance,
                        HealthCheckEnabled = true,
                        HealthCheckProtocol = ProtocolEnum.HTTP,
                        HealthCheckPort = "traffic-port",
                        HealthCheckPath = health.Path,
                        HealthCheckIntervalSeconds = (int)health.Interval.TotalSeconds,
                        HealthCheckTimeoutSeconds = (int)health.Timeout.TotalSeconds,
                        HealthyThresholdCount = health.HealthyThreshold,
                        UnhealthyThresholdCount = health.UnhealthyThreshold,
                        Matcher = new Matcher { HttpCode = health.Matcher },
                        Tags = Ownership.ElbTags(LabRoles.TargetGroup),
                    },
                    ct).ConfigureAwait(false);
                var created = response?.TargetGroups?.FirstOrDefault()?.TargetGroupArn ?? throw new InvalidOperationException("CreateTargetGroup returned no target group.");
                _journal.Record(LabResourceKind.TargetGroup, created);
                return created;
            },
            created => $"Created target group {created}").ConfigureAwait(false);
        _inventory.TargetGroupArn = arn;

        var delay = (int)_definition.DeregistrationDelay.TotalSeconds;
        await StepAsync(
            "ModifyTargetGroupAttributes",
            $"Setting the deregistration delay to {delay} s",
            ct => _elb.ModifyTargetGroupAttributesAsync(
                new ModifyTargetGroupAttributesRequest
                {
                    TargetGroupArn = arn,
                    Attributes = [new TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = delay.ToString(System.Globalization.CultureInfo.InvariantCulture) }],
                },
                ct),
            _ => $"Deregistration delay {delay} s",
            arn).ConfigureAwait(false);
        return arn;
    }

    private async Task<string> EnsureLoadBalancerAsync(Task<string> loadBalancerGroup, LabNetwork network)
    {
        var groupId = await loadBalancerGroup.ConfigureAwait(false);
        var arn = Existing.LoadBalancer?.LoadBalancerArn ?? await StepAsync(
            "CreateLoadBalancer",
            $"Creating internet-facing load balancer {_definition.LoadBalancerName} in {network.Subnets.Count} AZs",
            async ct =>
            {
                var response = await _elb.CreateLoadBalancerAsync(
                    new CreateLoadBalancerRequest
                    {
                        Name = _definition.LoadBalancerName,
                        Subnets = [.. network.Subnets.Select(s => s.SubnetId)],
                        SecurityGroups = [groupId],
                        Scheme = LoadBalancerSchemeEnum.InternetFacing,
                        Type = LoadBalancerTypeEnum.Application,
                        IpAddressType = ElasticLoadBalancingV2.IpAddressType.Ipv4,
                        Tags = Ownership.ElbTags(LabRoles.LoadBalancer),
                    },
                    ct).ConfigureAwait(false);
                var loadBalancer = response?.LoadBalancers?.FirstOrDefault(lb => lb.LoadBalancerArn is not null)
                    ?? throw new InvalidOperationException("CreateLoadBalancer returned no load balancer.");
                _journal.Record(LabResourceKind.LoadBalancer, loadBalancer.LoadBalancerArn!);
                _inventory.LoadBalancerDnsName = loadBalancer.DNSName;
                return loadBalancer.LoadBalancerArn!;
            },
            created => $"Created load balancer {created} ({_inventory.LoadBalancerDnsName})").ConfigureAwait(false);
        _inventory.LoadBalancerArn = arn;

        // Security Hub ELB.4: drop invalid header fields. Deletion protection off so the lab can be torn down.
        await StepAsync(
            "ModifyLoadBalancerAttributes",
            "Setting routing.http.drop_invalid_header_fields.enabled=true, deletion_protection.enabled=false",
            ct => _elb.ModifyLoadBalancerAttributesAsync(
                new ModifyLoadBalancerAttributesRequest
                {
                    LoadBalancerArn = arn,
                    Attributes =
                    [
                        new LoadBalancerAttribute { Key = "routing.http.drop_invalid_header_fields.enabled", Value = "true" },
                        new LoadBalancerAttribute { Key = "deletion_protection.enabled", Value = "false" },
                    ],
                },
                ct),
            _ => "Attributes set",
            arn).ConfigureAwait(false);
        return arn;
    }

    /// <summary>
    /// Launches the missing instances round-robin over the AZs with one RunInstances per AZ (MinCount = MaxCount), then
    /// waits until every lab instance runs. An AZ that gets one instance has its Name tag set at launch; in an AZ that gets
    /// several, each instance needs its own CreateTags call (a Name differs per instance; one RunInstances tags them alike).
    /// </summary>
    private async Task<IReadOnlyList<string>> EnsureInstancesAsync(Task<string> instanceGroup, LabNetwork network)
    {
        var groupId = await instanceGroup.ConfigureAwait(false);
        await StartStoppedAsync().ConfigureAwait(false);

        var present = _inventory.Instances;
        var missing = Enumerable.Range(1, _definition.InstanceCount).Where(i => !present.ContainsKey(i)).ToList();
        var perZone = missing
            .GroupBy(i => network.Subnets[(i - 1) % network.Subnets.Count])
            .Select(g => LaunchInZoneAsync(g.Key, [.. g], groupId))
            .ToList();
        await Task.WhenAll(perZone).ConfigureAwait(false);

        // An interrupted start may have left adopted instances without their Name (the finder gave them a free index).
        foreach (var (index, instance) in Existing.Instances.Where(i => i.Key <= _definition.InstanceCount))
        {
            if (instance.InstanceId is { } id && instance.Tags.TagValue("Name") != _definition.InstanceName(index))
            {
                await NameInstanceAsync(index, id).ConfigureAwait(false);
            }
        }

        var ids = _inventory.Instances.Values.ToList();
        await StepAsync(
            "WaitInstancesRunning",
            $"Waiting for {ids.Count} instance(s) to run",
            ct => _ec2.WaitUntilInstancesRunningAsync(ids, LabWaits.Options(_time, _definition.Timeouts.InstancesRunning, _definition.PollInterval, _progress, "WaitInstancesRunning"), ct),
            _ => $"Running: {string.Join(", ", ids)}").ConfigureAwait(false);
        return ids;
    }

    /// <summary>An adopted instance that was stopped must run again before it can be registered.</summary>
    private async Task StartStoppedAsync()
    {
        var stopped = Existing.Instances
            .Where(i => i.Key <= _definition.InstanceCount && i.Value.StateName() is "stopped" && i.Value.InstanceId is not null)
            .Select(i => i.Value.InstanceId!)
            .ToList();
        if (stopped.Count == 0)
        {
            return;
        }

        await StepAsync(
            "StartInstances",
            $"Starting stopped instance(s) {string.Join(", ", stopped)}",
            ct => _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = stopped }, ct),
            _ => "Started").ConfigureAwait(false);
    }

    private async Task LaunchInZoneAsync(LabSubnet subnet, IReadOnlyList<int> indexes, string groupId)
    {
        var single = indexes.Count == 1;
        var launched = await StepAsync(
            "RunInstances",
            $"Launching {indexes.Count} × {_definition.InstanceType} in {subnet.AvailabilityZone} ({subnet.SubnetId})",
            async ct =>
            {
                var instances = await LabRetry.RunAsync(
                    "RunInstances",
                    async token =>
                    {
                        var response = await _ec2.RunInstancesAsync(LaunchRequest(subnet, indexes, groupId, single), token).ConfigureAwait(false);
                        return (IReadOnlyList<Instance>)[.. (response?.Reservation?.Instances ?? []).Where(i => i.InstanceId is not null).OrderBy(i => i.AmiLaunchIndex ?? 0)];
                    },
                    ex => ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound),
                    RetryPolicy.EventualConsistency(_definition.PollInterval),
                    _time,
                    _progress,
                    ct).ConfigureAwait(false);

                var named = new List<(int Index, string Id)>();
                foreach (var (instance, index) in instances.Zip(indexes))
                {
                    _journal.Record(LabResourceKind.Instance, instance.InstanceId!);
                    _inventory.SetInstance(index, instance.InstanceId!);
                    named.Add((index, instance.InstanceId!));
                }

                if (instances.Count != indexes.Count)
                {
                    throw new InvalidOperationException($"RunInstances in {subnet.AvailabilityZone} launched {instances.Count} instance(s), expected {indexes.Count}.");
                }

                return named;
            },
            result => $"Launched {string.Join(", ", result.Select(i => i.Id))} in {subnet.AvailabilityZone}").ConfigureAwait(false);

        if (!single)
        {
            foreach (var (index, id) in launched)
            {
                await NameInstanceAsync(index, id).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Gives an instance its Name (<c>&lt;lab&gt;-N</c>). Needed per instance when one RunInstances launched several, and
    /// for adopted instances whose start was interrupted before they were named.
    /// </summary>
    private Task NameInstanceAsync(int index, string id)
    {
        var name = _definition.InstanceName(index);
        return StepAsync(
            "TagInstances",
            $"Naming {id} {name}",
            ct => LabRetry.RunAsync(
                "CreateTags",
                token => _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Amazon.EC2.Model.Tag("Name", name)] }, token),
                ex => ex.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound),
                RetryPolicy.EventualConsistency(_definition.PollInterval),
                _time,
                _progress,
                ct),
            _ => $"Named {id} {name}",
            id);
    }

    private RunInstancesRequest LaunchRequest(LabSubnet subnet, IReadOnlyList<int> indexes, string groupId, bool single)
    {
        var instanceName = single ? _definition.InstanceName(indexes[0]) : null;
        var request = new RunInstancesRequest
        {
            ImageId = _definition.ImageId,
            InstanceType = InstanceType.FindValue(_definition.InstanceType),
            MinCount = indexes.Count,
            MaxCount = indexes.Count,
            SubnetId = subnet.SubnetId,
            SecurityGroupIds = [groupId],

            // Idempotency: a retried call with the same token returns the same instances instead of launching more.
            ClientToken = $"{Ownership.LabId}-{subnet.AvailabilityZone}-{indexes[0]}",
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required, HttpEndpoint = InstanceMetadataEndpointState.Enabled },
            TagSpecifications =
            [
                Ownership.Ec2Spec(ResourceType.Instance, LabRoles.Instance, instanceName),
                Ownership.Ec2Spec(ResourceType.Volume, LabRoles.Instance, instanceName),
                Ownership.Ec2Spec(ResourceType.NetworkInterface, LabRoles.Instance, instanceName),
            ],
        };
        if (_definition.UserData.Length > 0)
        {
            request.UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(_definition.UserData));
        }

        foreach (var customize in _definition.RunInstancesCustomizations)
        {
            customize(request);
        }

        return request;
    }

    private async Task<IReadOnlyList<TargetDescription>> RegisterTargetsAsync(Task<string> targetGroup, Task<IReadOnlyList<string>> instances)
    {
        var arn = await targetGroup.ConfigureAwait(false);
        var ids = await instances.ConfigureAwait(false);
        List<TargetDescription> targets = [.. ids.Select(id => new TargetDescription { Id = id, Port = _definition.TargetPort })];
        await StepAsync(
            "RegisterTargets",
            $"Registering {string.Join(", ", ids)} with {arn}",
            ct => _elb.RegisterTargetsAsync(new RegisterTargetsRequest { TargetGroupArn = arn, Targets = targets }, ct),
            _ => $"Registered {ids.Count} target(s)",
            arn).ConfigureAwait(false);
        return targets;
    }

    private async Task<string> EnsureListenerAsync(Task<string> loadBalancer, Task<string> targetGroup)
    {
        var loadBalancerArn = await loadBalancer.ConfigureAwait(false);
        var targetGroupArn = await targetGroup.ConfigureAwait(false);
        var arn = Existing.Listener?.ListenerArn ?? await StepAsync(
            "CreateListener",
            $"Creating HTTP listener on port {_definition.ListenerPort} forwarding to {targetGroupArn}",
            async ct =>
            {
                var response = await _elb.CreateListenerAsync(
                    new CreateListenerRequest
                    {
                        LoadBalancerArn = loadBalancerArn,
                        Protocol = ProtocolEnum.HTTP,
                        Port = _definition.ListenerPort,
                        DefaultActions = [new ElbAction { Type = ActionTypeEnum.Forward, TargetGroupArn = targetGroupArn }],
                        Tags = Ownership.ElbTags(LabRoles.Listener),
                    },
                    ct).ConfigureAwait(false);
                var created = response?.Listeners?.FirstOrDefault()?.ListenerArn ?? throw new InvalidOperationException("CreateListener returned no listener.");
                _journal.Record(LabResourceKind.Listener, created);
                return created;
            },
            created => $"Created listener {created}").ConfigureAwait(false);
        _inventory.ListenerArn = arn;
        return arn;
    }

    private async Task WaitLoadBalancerActiveAsync(Task<string> loadBalancer)
    {
        var arn = await loadBalancer.ConfigureAwait(false);
        var active = await StepAsync(
            "WaitLoadBalancerActive",
            $"Waiting for {arn} to become active",
            ct => _elb.WaitUntilLoadBalancerAvailableAsync(arn, LabWaits.Options(_time, _definition.Timeouts.LoadBalancerActive, _definition.PollInterval, _progress, "WaitLoadBalancerActive"), ct),
            lb => $"Active: {lb.DNSName}",
            arn).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(active.DNSName))
        {
            _inventory.LoadBalancerDnsName = active.DNSName;
        }
    }

    private Task StepAsync(string step, string message, Func<CancellationToken, Task> body, Func<bool, string> done, string? resourceId = null) =>
        StepAsync(
            step,
            message,
            async ct =>
            {
                await body(ct).ConfigureAwait(false);
                return true;
            },
            done,
            resourceId);

    /// <summary>Reports the step; the first failure wins, cancels the other branches and is what the rollback names.</summary>
    private async Task<T> StepAsync<T>(string step, string message, Func<CancellationToken, Task<T>> body, Func<T, string> done, string? resourceId = null)
    {
        _progress.Started(step, message, resourceId);
        try
        {
            var result = await body(_abort.Token).ConfigureAwait(false);
            _progress.Completed(step, done(result), resourceId);
            return result;
        }
        catch (Exception ex)
        {
            var cause = ex is LabStepException inner ? inner.InnerException! : ex;
            var first = false;
            lock (_failureLock)
            {
                if (_failure is null)
                {
                    _failure = ex as LabStepException ?? new LabStepException(step, cause);
                    first = true;
                }
            }

            _progress.Failed(step, first ? cause.Message : $"Stopped: step {_failure.Step} failed", cause, resourceId);
            if (first)
            {
                await _abort.CancelAsync().ConfigureAwait(false);
            }

            throw;
        }
    }
}
