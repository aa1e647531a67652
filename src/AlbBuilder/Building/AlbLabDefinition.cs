using Amazon.EC2.Model;

namespace AlbBuilder.Building;

/// <summary>The validated description of a lab: what <c>AlbLabBuilder.Build()</c> produces and provisioning consumes.</summary>
internal sealed record AlbLabDefinition
{
    public required string Name { get; init; }

    public required int InstanceCount { get; init; }

    public required string InstanceType { get; init; }

    /// <summary>An AMI id or <c>resolve:ssm:&lt;parameter&gt;</c>.</summary>
    public required string ImageId { get; init; }

    /// <summary>The user data script as plain text; provisioning base64-encodes it. Never logged.</summary>
    public required string UserData { get; init; }

    public required int ListenerPort { get; init; }

    public required int TargetPort { get; init; }

    public required HealthCheckSettings HealthCheck { get; init; }

    public required TimeSpan DeregistrationDelay { get; init; }

    /// <summary>The VPC; null means the account's default VPC.</summary>
    public string? VpcId { get; init; }

    /// <summary>Explicit subnets (one per AZ); empty means the VPC's default-for-AZ subnets.</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    /// <summary>User tags added to every resource (ownership tags are added by provisioning).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public required LabTimeouts Timeouts { get; init; }

    /// <summary>Whether disposing the lab (and a failed start) deletes what it created.</summary>
    public bool CleanUp { get; init; } = true;

    /// <summary>When set, resources carry an <see cref="LabTags.ExpiresAt"/> tag this long after start.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>How often waits poll; they back off up to three times this.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, the instance security group also admits the target port from this CIDR.</summary>
    public string? DirectInstanceAccessCidr { get; init; }

    /// <summary>Escape hatch: applied in order to each RunInstances request before it is sent.</summary>
    public IReadOnlyList<Action<RunInstancesRequest>> RunInstancesCustomizations { get; init; } = [];

    /// <summary>Name of the load balancer, <c>&lt;lab&gt;-alb</c>.</summary>
    public string LoadBalancerName => Name + "-alb";

    /// <summary>Name of the target group, <c>&lt;lab&gt;-tg</c>.</summary>
    public string TargetGroupName => Name + "-tg";

    /// <summary>Name of the load balancer's security group.</summary>
    public string LoadBalancerSecurityGroupName => Name + "-alb-sg";

    /// <summary>Name of the instances' security group.</summary>
    public string InstanceSecurityGroupName => Name + "-instances-sg";

    /// <summary>Name tag of instance <paramref name="index"/> (1-based).</summary>
    public string InstanceName(int index) => Name + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
