namespace AlbBuilder.Classroom.Quotas;

/// <summary>What a classroom will create, for the quota pre-flight.</summary>
/// <param name="Labs">How many labs.</param>
/// <param name="InstancesPerLab">Instances per lab.</param>
/// <param name="InstanceType">Their instance type (its vCPUs count against the On-Demand vCPU quota).</param>
/// <param name="VpcId">The VPC the labs use, or null for the default VPC.</param>
internal sealed record ClassroomNeeds(int Labs, int InstancesPerLab, string InstanceType, string? VpcId)
{
    /// <summary>Each lab's load balancer and instance security groups.</summary>
    public int SecurityGroupsPerLab => 2;

    /// <summary>Each lab has one load balancer, one target group and one listener.</summary>
    public int LoadBalancersPerLab => 1;
}
