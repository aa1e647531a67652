using System.Collections.Concurrent;
using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using NSubstitute;
using Ec2Tag = Amazon.EC2.Model.Tag;
using ElbTag = AlbBuilder.ElasticLoadBalancingV2.Model.Tag;
using Instance = Amazon.EC2.Model.Instance;
using SecurityGroup = Amazon.EC2.Model.SecurityGroup;
using TargetGroup = AlbBuilder.ElasticLoadBalancingV2.Model.TargetGroup;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// A small in-memory EC2 + ELBv2 behind NSubstitute: records every call in order, keeps resource state, returns
/// plausible responses and the real error codes (NotFound, DependencyViolation, ResourceInUse), and lets a test inject
/// faults or hooks per operation.
/// </summary>
internal sealed class FakeAws
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Exception>> _faults = new();
    private readonly ConcurrentDictionary<string, Action<object>> _hooks = new();
    private readonly ConcurrentDictionary<string, bool> _lostResponses = new();
    private int _next = 100;

    public FakeAws(int zones = 3)
    {
        for (var i = 0; i < zones; i++)
        {
            var az = "eu-west-1" + (char)('a' + i);
            Subnets.Add(new Subnet { SubnetId = $"subnet-{az}", AvailabilityZone = az, VpcId = DefaultVpcId, DefaultForAz = true });
        }

        WireEc2();
        WireElb();
    }

    public const string DefaultVpcId = "vpc-default";

    public IAmazonEC2 Ec2 { get; } = Substitute.For<IAmazonEC2>();

    public IAmazonElasticLoadBalancingV2 Elb { get; } = Substitute.For<IAmazonElasticLoadBalancingV2>();

    public ConcurrentQueue<(string Operation, object Request)> Calls { get; } = new();

    public List<string> Operations => [.. Calls.Select(c => c.Operation)];

    public List<Subnet> Subnets { get; } = [];

    public Dictionary<string, SecurityGroup> SecurityGroups { get; } = [];

    public Dictionary<string, Instance> Instances { get; } = [];

    public Dictionary<string, LoadBalancer> LoadBalancers { get; } = [];

    public Dictionary<string, TargetGroup> TargetGroups { get; } = [];

    public Dictionary<string, Listener> Listeners { get; } = [];

    public Dictionary<string, List<ElbTag>> ElbTags { get; } = [];

    public Dictionary<string, List<string>> Registered { get; } = [];

    /// <summary>State new instances report on DescribeInstances.</summary>
    public string LaunchedInstanceState { get; set; } = "running";

    /// <summary>State new load balancers report.</summary>
    public string LoadBalancerState { get; set; } = "active";

    /// <summary>State of registered targets.</summary>
    public string TargetState { get; set; } = "healthy";

    public List<T> Requests<T>() => [.. Calls.Select(c => c.Request).OfType<T>()];

    public int Count(string operation) => Calls.Count(c => c.Operation == operation);

    public int IndexOf(string operation) => Operations.IndexOf(operation);

    public int LastIndexOf(string operation) => Operations.LastIndexOf(operation);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> throw <paramref name="exception"/>.</summary>
    public void FailOn(string operation, Exception exception, int times = 1)
    {
        var queue = _faults.GetOrAdd(operation, _ => new ConcurrentQueue<Exception>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(exception);
        }
    }

    /// <summary>Call number <paramref name="callNumber"/> (1-based, counted from now) of <paramref name="operation"/> throws <paramref name="exception"/>.</summary>
    public void FailOnCall(string operation, int callNumber, Exception exception)
    {
        var seen = 0;
        var previous = _hooks.TryGetValue(operation, out var hook) ? hook : null;
        _hooks[operation] = request =>
        {
            previous?.Invoke(request);
            if (Interlocked.Increment(ref seen) == callNumber)
            {
                FailOn(operation, exception);
            }
        };
    }

    /// <summary>The next call of <paramref name="operation"/> is served (state changes) but its response is lost.</summary>
    public void LoseResponse(string operation) => _lostResponses[operation] = true;

    /// <summary>Runs <paramref name="hook"/> with the request before each call of <paramref name="operation"/> is served.</summary>
    public void OnCall(string operation, Action<object> hook) => _hooks[operation] = hook;

    public static AmazonEC2Exception Ec2Error(string code) => new($"{code} (fake)", ErrorType.Sender, code, "req-1", HttpStatusCode.BadRequest);

    /// <summary>Instances not terminated.</summary>
    public List<Instance> LiveInstances()
    {
        lock (_lock)
        {
            return [.. Instances.Values.Where(i => i.State.Name.Value != "terminated")];
        }
    }

    public string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next):x8}";

    // Adds resources directly (as if created earlier or by someone else).
    public SecurityGroup AddSecurityGroup(string name, params (string Key, string Value)[] tags)
    {
        var group = new SecurityGroup { GroupId = NewId("sg"), GroupName = name, VpcId = DefaultVpcId, Tags = [.. tags.Select(t => new Ec2Tag(t.Key, t.Value))], IpPermissions = [] };
        lock (_lock)
        {
            SecurityGroups[group.GroupId] = group;
        }

        return group;
    }

    public Instance AddInstance(string state, params (string Key, string Value)[] tags)
    {
        var instance = NewInstance(Subnets[0], state, [.. tags.Select(t => new Ec2Tag(t.Key, t.Value))], [], 0);
        lock (_lock)
        {
            Instances[instance.InstanceId] = instance;
        }

        return instance;
    }

    public string AddLoadBalancer(string name, params (string Key, string Value)[] tags)
    {
        var arn = $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/{name}/{NewId("lb")}";
        lock (_lock)
        {
            LoadBalancers[arn] = new LoadBalancer { LoadBalancerArn = arn, LoadBalancerName = name, DNSName = $"{name}-1.eu-west-1.elb.amazonaws.com", State = new global::AlbBuilder.ElasticLoadBalancingV2.Model.LoadBalancerState { Code = LoadBalancerState }, VpcId = DefaultVpcId, SecurityGroups = [] };
            ElbTags[arn] = [.. tags.Select(t => new ElbTag { Key = t.Key, Value = t.Value })];
        }

        return arn;
    }

    public string AddTargetGroup(string name, params (string Key, string Value)[] tags)
    {
        var arn = $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/{name}/{NewId("tg")}";
        lock (_lock)
        {
            TargetGroups[arn] = new TargetGroup { TargetGroupArn = arn, TargetGroupName = name, VpcId = DefaultVpcId, Port = 80 };
            ElbTags[arn] = [.. tags.Select(t => new ElbTag { Key = t.Key, Value = t.Value })];
            Registered[arn] = [];
        }

        return arn;
    }

    private Instance NewInstance(Subnet subnet, string state, List<Ec2Tag> tags, List<string> groups, int launchIndex)
    {
        var id = NewId("i");
        return new Instance
        {
            InstanceId = id,
            State = new InstanceState { Name = state },
            Placement = new Placement { AvailabilityZone = subnet.AvailabilityZone },
            SubnetId = subnet.SubnetId,
            PrivateDnsName = $"ip-10-0-0-{launchIndex + 1}.eu-west-1.compute.internal",
            PublicIpAddress = $"203.0.113.{launchIndex + 1}",
            Tags = tags,
            SecurityGroups = [.. groups.Select(g => new GroupIdentifier { GroupId = g })],
            AmiLaunchIndex = launchIndex,
        };
    }

    private Task<TResponse> Serve<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken, Func<TRequest, TResponse> serve)
        where TRequest : notnull
    {
        Calls.Enqueue((operation, request));
        if (_hooks.TryGetValue(operation, out var hook))
        {
            hook(request);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResponse>(cancellationToken);
        }

        if (_faults.TryGetValue(operation, out var faults) && faults.TryDequeue(out var fault))
        {
            return Task.FromException<TResponse>(fault);
        }

        try
        {
            lock (_lock)
            {
                var response = serve(request);
                return _lostResponses.TryRemove(operation, out _)
                    ? Task.FromException<TResponse>(new HttpRequestException("The connection was reset (fake)"))
                    : Task.FromResult(response);
            }
        }
        catch (Exception ex)
        {
            return Task.FromException<TResponse>(ex);
        }
    }

    private static bool MatchesFilters(List<Ec2Tag>? tags, List<Filter>? filters, Func<string, string?> field)
    {
        foreach (var filter in filters ?? [])
        {
            var values = filter.Values ?? [];
            if (filter.Name == "tag-key")
            {
                if (tags?.Any(t => values.Contains(t.Key)) != true)
                {
                    return false;
                }

                continue;
            }

            string? actual = filter.Name.StartsWith("tag:", StringComparison.Ordinal)
                ? tags?.FirstOrDefault(t => t.Key == filter.Name[4..])?.Value
                : field(filter.Name);
            if (actual is null || !values.Contains(actual))
            {
                return false;
            }
        }

        return true;
    }

    private void WireEc2()
    {
        Ec2.DescribeVpcsAsync(Arg.Any<DescribeVpcsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeVpcs", ci.Arg<DescribeVpcsRequest>(), ci.Arg<CancellationToken>(), _ => new DescribeVpcsResponse { Vpcs = [new Vpc { VpcId = DefaultVpcId, IsDefault = true }] }));

        Ec2.DescribeSubnetsAsync(Arg.Any<DescribeSubnetsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeSubnets", ci.Arg<DescribeSubnetsRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (r.SubnetIds is { Count: > 0 } ids)
                {
                    return new DescribeSubnetsResponse { Subnets = [.. Subnets.Where(s => ids.Contains(s.SubnetId))] };
                }

                return new DescribeSubnetsResponse
                {
                    Subnets = [.. Subnets.Where(s => MatchesFilters(null, r.Filters, f => f switch
                    {
                        "vpc-id" => s.VpcId,
                        "default-for-az" => s.DefaultForAz == true ? "true" : "false",
                        _ => null,
                    }))],
                };
            }));

        Ec2.CreateSecurityGroupAsync(Arg.Any<CreateSecurityGroupRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("CreateSecurityGroup", ci.Arg<CreateSecurityGroupRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (SecurityGroups.Values.Any(g => g.GroupName == r.GroupName && g.VpcId == r.VpcId))
                {
                    throw Ec2Error("InvalidGroup.Duplicate");
                }

                var group = new SecurityGroup { GroupId = NewId("sg"), GroupName = r.GroupName, VpcId = r.VpcId, Tags = [.. r.TagSpecifications?.SelectMany(s => s.Tags) ?? []], IpPermissions = [] };
                SecurityGroups[group.GroupId] = group;
                return new CreateSecurityGroupResponse { GroupId = group.GroupId };
            }));

        Ec2.AuthorizeSecurityGroupIngressAsync(Arg.Any<AuthorizeSecurityGroupIngressRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("AuthorizeSecurityGroupIngress", ci.Arg<AuthorizeSecurityGroupIngressRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (!SecurityGroups.TryGetValue(r.GroupId, out var group))
                {
                    throw Ec2Error("InvalidGroup.NotFound");
                }

                group.IpPermissions.AddRange(r.IpPermissions);
                return new AuthorizeSecurityGroupIngressResponse { Return = true };
            }));

        Ec2.RevokeSecurityGroupIngressAsync(Arg.Any<RevokeSecurityGroupIngressRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("RevokeSecurityGroupIngress", ci.Arg<RevokeSecurityGroupIngressRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (!SecurityGroups.TryGetValue(r.GroupId, out var group))
                {
                    throw Ec2Error("InvalidGroup.NotFound");
                }

                var revoked = r.IpPermissions.SelectMany(p => p.UserIdGroupPairs ?? []).Select(p => p.GroupId).ToHashSet();
                foreach (var permission in group.IpPermissions)
                {
                    permission.UserIdGroupPairs?.RemoveAll(p => revoked.Contains(p.GroupId));
                }

                group.IpPermissions.RemoveAll(p => p.UserIdGroupPairs is { Count: 0 } && (p.Ipv4Ranges is null || p.Ipv4Ranges.Count == 0));
                return new RevokeSecurityGroupIngressResponse { Return = true };
            }));

        Ec2.DescribeSecurityGroupsAsync(Arg.Any<DescribeSecurityGroupsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeSecurityGroups", ci.Arg<DescribeSecurityGroupsRequest>(), ci.Arg<CancellationToken>(), r => new DescribeSecurityGroupsResponse
            {
                SecurityGroups = [.. SecurityGroups.Values.Where(g => MatchesFilters(g.Tags, r.Filters, f => f switch
                {
                    "group-id" => g.GroupId,
                    _ => null,
                }) && (r.GroupIds is not { Count: > 0 } || r.GroupIds.Contains(g.GroupId)))],
            }));

        Ec2.DeleteSecurityGroupAsync(Arg.Any<DeleteSecurityGroupRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DeleteSecurityGroup", ci.Arg<DeleteSecurityGroupRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (!SecurityGroups.ContainsKey(r.GroupId))
                {
                    throw Ec2Error("InvalidGroup.NotFound");
                }

                var usedByInstance = Instances.Values.Any(i => i.State.Name.Value != "terminated" && i.SecurityGroups.Any(g => g.GroupId == r.GroupId));
                var usedByLoadBalancer = LoadBalancers.Values.Any(lb => lb.SecurityGroups?.Contains(r.GroupId) == true);
                var referenced = SecurityGroups.Values.Any(g => g.GroupId != r.GroupId && g.IpPermissions.Any(p => p.UserIdGroupPairs?.Any(pair => pair.GroupId == r.GroupId) == true));
                if (usedByInstance || usedByLoadBalancer || referenced)
                {
                    throw Ec2Error("DependencyViolation");
                }

                SecurityGroups.Remove(r.GroupId);
                return new DeleteSecurityGroupResponse { Return = true };
            }));

        Ec2.RunInstancesAsync(Arg.Any<RunInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("RunInstances", ci.Arg<RunInstancesRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                var subnet = Subnets.First(s => s.SubnetId == r.SubnetId);
                var tags = r.TagSpecifications?.FirstOrDefault(s => s.ResourceType == ResourceType.Instance)?.Tags ?? [];
                var launched = Enumerable.Range(0, r.MaxCount ?? 1)
                    .Select(i => NewInstance(subnet, "pending", [.. tags.Select(t => new Ec2Tag(t.Key, t.Value))], r.SecurityGroupIds ?? [], i))
                    .ToList();
                foreach (var instance in launched)
                {
                    Instances[instance.InstanceId] = instance;
                }

                return new RunInstancesResponse { Reservation = new Reservation { Instances = launched } };
            }));

        Ec2.CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("CreateTags", ci.Arg<CreateTagsRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                foreach (var id in r.Resources)
                {
                    if (!Instances.TryGetValue(id, out var instance))
                    {
                        throw Ec2Error("InvalidInstanceID.NotFound");
                    }

                    foreach (var tag in r.Tags)
                    {
                        instance.Tags.RemoveAll(t => t.Key == tag.Key);
                        instance.Tags.Add(new Ec2Tag(tag.Key, tag.Value));
                    }
                }

                return new CreateTagsResponse();
            }));

        Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeInstances", ci.Arg<DescribeInstancesRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                // New instances move on when described, like a fast EC2.
                foreach (var instance in Instances.Values.Where(i => i.State.Name.Value == "pending"))
                {
                    instance.State = new InstanceState { Name = LaunchedInstanceState };
                }

                if (r.InstanceIds is { Count: > 0 } ids && ids.Any(id => !Instances.ContainsKey(id)))
                {
                    throw Ec2Error("InvalidInstanceID.NotFound");
                }

                var found = Instances.Values.Where(i =>
                    (r.InstanceIds is not { Count: > 0 } || r.InstanceIds.Contains(i.InstanceId))
                    && MatchesFilters(i.Tags, r.Filters, f => f switch
                    {
                        "instance-state-name" => i.State.Name.Value,
                        "instance-id" => i.InstanceId,
                        _ => null,
                    }));
                return new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [.. found] }] };
            }));

        Ec2.StartInstancesAsync(Arg.Any<StartInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("StartInstances", ci.Arg<StartInstancesRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                foreach (var id in r.InstanceIds)
                {
                    Instances[id].State = new InstanceState { Name = "pending" };
                }

                return new StartInstancesResponse();
            }));

        Ec2.TerminateInstancesAsync(Arg.Any<TerminateInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("TerminateInstances", ci.Arg<TerminateInstancesRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (r.InstanceIds.Any(id => !Instances.ContainsKey(id)))
                {
                    throw Ec2Error("InvalidInstanceID.NotFound");
                }

                foreach (var id in r.InstanceIds)
                {
                    Instances[id].State = new InstanceState { Name = "terminated" };
                    foreach (var registered in Registered.Values)
                    {
                        registered.Remove(id);
                    }
                }

                return new TerminateInstancesResponse();
            }));
    }

    private void WireElb()
    {
        Elb.DescribeLoadBalancersAsync(Arg.Any<DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeLoadBalancers", ci.Arg<DescribeLoadBalancersRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                var found = LoadBalancers.Values.Where(lb =>
                    (r.Names is not { Count: > 0 } || r.Names.Contains(lb.LoadBalancerName!))
                    && (r.LoadBalancerArns is not { Count: > 0 } || r.LoadBalancerArns.Contains(lb.LoadBalancerArn!))).ToList();
                if ((r.Names is { Count: > 0 } || r.LoadBalancerArns is { Count: > 0 }) && found.Count == 0)
                {
                    throw new LoadBalancerNotFoundException("One or more load balancers not found");
                }

                return new DescribeLoadBalancersResponse { LoadBalancers = found };
            }));

        Elb.DescribeTargetGroupsAsync(Arg.Any<DescribeTargetGroupsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeTargetGroups", ci.Arg<DescribeTargetGroupsRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                var found = TargetGroups.Values.Where(tg =>
                    (r.Names is not { Count: > 0 } || r.Names.Contains(tg.TargetGroupName!))
                    && (r.TargetGroupArns is not { Count: > 0 } || r.TargetGroupArns.Contains(tg.TargetGroupArn!))).ToList();
                if ((r.Names is { Count: > 0 } || r.TargetGroupArns is { Count: > 0 }) && found.Count == 0)
                {
                    throw new TargetGroupNotFoundException("One or more target groups not found");
                }

                return new DescribeTargetGroupsResponse { TargetGroups = found };
            }));

        Elb.DescribeTagsAsync(Arg.Any<global::AlbBuilder.ElasticLoadBalancingV2.Model.DescribeTagsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeTags", ci.Arg<global::AlbBuilder.ElasticLoadBalancingV2.Model.DescribeTagsRequest>(), ci.Arg<CancellationToken>(), r => new global::AlbBuilder.ElasticLoadBalancingV2.Model.DescribeTagsResponse
            {
                TagDescriptions = [.. r.ResourceArns!.Where(ElbTags.ContainsKey).Select(arn => new global::AlbBuilder.ElasticLoadBalancingV2.Model.TagDescription { ResourceArn = arn, Tags = [.. ElbTags[arn]] })],
            }));

        Elb.DescribeListenersAsync(Arg.Any<DescribeListenersRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeListeners", ci.Arg<DescribeListenersRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (!LoadBalancers.ContainsKey(r.LoadBalancerArn!))
                {
                    throw new LoadBalancerNotFoundException("Load balancer not found");
                }

                return new DescribeListenersResponse { Listeners = [.. Listeners.Values.Where(l => l.LoadBalancerArn == r.LoadBalancerArn)] };
            }));

        Elb.CreateTargetGroupAsync(Arg.Any<CreateTargetGroupRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("CreateTargetGroup", ci.Arg<CreateTargetGroupRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                var arn = $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/{r.Name}/{NewId("tg")}";
                var tg = new TargetGroup { TargetGroupArn = arn, TargetGroupName = r.Name, Port = r.Port, VpcId = r.VpcId, HealthCheckPath = r.HealthCheckPath };
                TargetGroups[arn] = tg;
                ElbTags[arn] = [.. r.Tags ?? []];
                Registered[arn] = [];
                return new CreateTargetGroupResponse { TargetGroups = [tg] };
            }));

        Elb.ModifyTargetGroupAttributesAsync(Arg.Any<ModifyTargetGroupAttributesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("ModifyTargetGroupAttributes", ci.Arg<ModifyTargetGroupAttributesRequest>(), ci.Arg<CancellationToken>(), r => new ModifyTargetGroupAttributesResponse { Attributes = r.Attributes }));

        Elb.CreateLoadBalancerAsync(Arg.Any<CreateLoadBalancerRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("CreateLoadBalancer", ci.Arg<CreateLoadBalancerRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                var arn = $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/{r.Name}/{NewId("lb")}";
                var lb = new LoadBalancer
                {
                    LoadBalancerArn = arn,
                    LoadBalancerName = r.Name,
                    DNSName = $"{r.Name}-123456.eu-west-1.elb.amazonaws.com",
                    State = new global::AlbBuilder.ElasticLoadBalancingV2.Model.LoadBalancerState { Code = "provisioning" },
                    VpcId = DefaultVpcId,
                    SecurityGroups = [.. r.SecurityGroups ?? []],
                    AvailabilityZones = [.. (r.Subnets ?? []).Select(id => new global::AlbBuilder.ElasticLoadBalancingV2.Model.AvailabilityZone { SubnetId = id, ZoneName = Subnets.Single(s => s.SubnetId == id).AvailabilityZone })],
                };
                LoadBalancers[arn] = lb;
                ElbTags[arn] = [.. r.Tags ?? []];
                var created = new LoadBalancer { LoadBalancerArn = arn, LoadBalancerName = r.Name, DNSName = lb.DNSName, State = lb.State };
                lb.State = new global::AlbBuilder.ElasticLoadBalancingV2.Model.LoadBalancerState { Code = LoadBalancerState };
                return new CreateLoadBalancerResponse { LoadBalancers = [created] };
            }));

        Elb.ModifyLoadBalancerAttributesAsync(Arg.Any<ModifyLoadBalancerAttributesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("ModifyLoadBalancerAttributes", ci.Arg<ModifyLoadBalancerAttributesRequest>(), ci.Arg<CancellationToken>(), r => new ModifyLoadBalancerAttributesResponse { Attributes = r.Attributes }));

        Elb.RegisterTargetsAsync(Arg.Any<RegisterTargetsRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("RegisterTargets", ci.Arg<RegisterTargetsRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                foreach (var target in r.Targets!)
                {
                    if (!Instances.TryGetValue(target.Id!, out var instance) || instance.State.Name.Value != "running")
                    {
                        throw new InvalidTargetException($"Target {target.Id} is not running");
                    }

                    if (!Registered[r.TargetGroupArn!].Contains(target.Id!))
                    {
                        Registered[r.TargetGroupArn!].Add(target.Id!);
                    }
                }

                return new RegisterTargetsResponse();
            }));

        Elb.CreateListenerAsync(Arg.Any<CreateListenerRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("CreateListener", ci.Arg<CreateListenerRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                var arn = r.LoadBalancerArn!.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + NewId("l");
                var listener = new Listener { ListenerArn = arn, LoadBalancerArn = r.LoadBalancerArn, Port = r.Port, Protocol = r.Protocol, DefaultActions = r.DefaultActions };
                Listeners[arn] = listener;
                ElbTags[arn] = [.. r.Tags ?? []];
                return new CreateListenerResponse { Listeners = [listener] };
            }));

        Elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DescribeTargetHealth", ci.Arg<DescribeTargetHealthRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (!Registered.TryGetValue(r.TargetGroupArn!, out var registered))
                {
                    throw new TargetGroupNotFoundException("Target group not found");
                }

                var ids = r.Targets is { Count: > 0 } targets ? targets.Select(t => t.Id!).ToList() : registered;
                return new DescribeTargetHealthResponse
                {
                    TargetHealthDescriptions = [.. ids.Select(id => new TargetHealthDescription
                    {
                        Target = new TargetDescription { Id = id, Port = 80 },
                        TargetHealth = registered.Contains(id)
                            ? new TargetHealth { State = TargetState, Reason = TargetState == "unhealthy" ? TargetHealthReasonEnum.FindValue("Target.Timeout") : null, Description = TargetState == "unhealthy" ? "Request timed out" : null }
                            : new TargetHealth { State = "unused", Reason = "Target.NotRegistered", Description = "Target is not registered to the target group" },
                    })],
                };
            }));

        Elb.DeleteListenerAsync(Arg.Any<DeleteListenerRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DeleteListener", ci.Arg<DeleteListenerRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (!Listeners.Remove(r.ListenerArn!))
                {
                    throw new ListenerNotFoundException("Listener not found");
                }

                return new DeleteListenerResponse();
            }));

        Elb.DeleteLoadBalancerAsync(Arg.Any<DeleteLoadBalancerRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DeleteLoadBalancer", ci.Arg<DeleteLoadBalancerRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                // Like AWS: deleting a missing load balancer succeeds; its listeners go with it.
                LoadBalancers.Remove(r.LoadBalancerArn!);
                foreach (var listener in Listeners.Values.Where(l => l.LoadBalancerArn == r.LoadBalancerArn).ToList())
                {
                    Listeners.Remove(listener.ListenerArn!);
                }

                return new DeleteLoadBalancerResponse();
            }));

        Elb.DeleteTargetGroupAsync(Arg.Any<DeleteTargetGroupRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            Serve("DeleteTargetGroup", ci.Arg<DeleteTargetGroupRequest>(), ci.Arg<CancellationToken>(), r =>
            {
                if (Listeners.Values.Any(l => l.DefaultActions?.Any(a => a.TargetGroupArn == r.TargetGroupArn) == true))
                {
                    throw new ResourceInUseException("Target group is currently in use by a listener or a rule");
                }

                TargetGroups.Remove(r.TargetGroupArn!);
                Registered.Remove(r.TargetGroupArn!);
                return new DeleteTargetGroupResponse();
            }));
    }
}
