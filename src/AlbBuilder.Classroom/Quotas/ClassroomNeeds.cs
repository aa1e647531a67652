namespace AlbBuilder.Classroom.Quotas;

/// <summary>What a classroom will create, for the quota pre-flight.</summary>
/// <param name="Labs">How many labs.</param>
/// <param name="InstancesPerLab">Instances per lab.</param>
/// <param name="InstanceType">Their instance type (its vCPUs count against the On-Demand vCPU quota).</param>
/// <param name="VpcId">The VPC the labs use, or null for the default VPC.</param>
/// <param name="RulesPerSecurityGroup">
/// The most inbound rules one of a lab's groups gets: the load balancer's group one per listener, the instances' group
/// one from the load balancer plus one for direct access.
/// </param>
internal sealed record ClassroomNeeds(int Labs, int InstancesPerLab, string InstanceType, string? VpcId, int RulesPerSecurityGroup = 2)
{
    /// <summary>Each lab's load balancer and instance security groups.</summary>
    public int SecurityGroupsPerLab => 2;

    /// <summary>Each lab has one load balancer, one target group and one listener.</summary>
    public int LoadBalancersPerLab => 1;

    /// <summary>Each lab's target group.</summary>
    public int TargetGroupsPerLab => 1;

    /// <summary>Each lab's listener, on its own load balancer.</summary>
    public int ListenersPerLoadBalancer => 1;

    /// <summary>The security groups a lab's instance attaches to its network interface.</summary>
    public int SecurityGroupsPerInterface => 1;
}
