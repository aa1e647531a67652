using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Quotas;

/// <summary>
/// The account's service quotas LocalCloud enforces, with AWS's errors: the On-Demand vCPU limit (every instance type
/// counts against one Standard bucket) and the rules per security group (inbound and outbound counted apart). They
/// bound what one client can make LocalCloud hold: each running instance is a web server with its own socket.
/// </summary>
/// <param name="OnDemandVcpus">The vCPUs the account's running and pending instances may use together.</param>
/// <param name="RulesPerSecurityGroup">The inbound rules of a group, and apart from them its outbound rules.</param>
internal sealed record AccountQuotas(int OnDemandVcpus, int RulesPerSecurityGroup)
{
    /// <summary>The defaults of a long-standing AWS account: 1,152 Standard vCPUs, 60 rules each way.</summary>
    public static AccountQuotas Default { get; } = new(DefaultOnDemandVcpus, DefaultRulesPerSecurityGroup);

    // Issue 15 (classroom quotas): the per-Region counts a quota pre-flight reads with DescribeAccountLimits.

    /// <summary>Gets the Application Load Balancers the account may hold in the Region.</summary>
    public int LoadBalancers { get; init; } = DefaultLoadBalancers;

    /// <summary>Gets the target groups the account may hold in the Region.</summary>
    public int TargetGroups { get; init; } = DefaultTargetGroups;

    /// <summary>Gets the security groups the account may hold in the Region (LocalCloud has one VPC), the default group included.</summary>
    public int SecurityGroups { get; init; } = DefaultSecurityGroups;

    /// <summary>AWS's "Application Load Balancers per Region" (docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).</summary>
    public const int DefaultLoadBalancers = 50;

    /// <summary>AWS's "Target Groups per Region", shared by ALBs and NLBs (same page).</summary>
    public const int DefaultTargetGroups = 3000;

    /// <summary>AWS's "VPC security groups per Region" (docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).</summary>
    public const int DefaultSecurityGroups = 2500;

    /// <summary>Checks that one more load balancer fits.</summary>
    /// <exception cref="AwsServiceError"><c>TooManyLoadBalancers</c> (400, per the ELBv2 service model).</exception>
    public void CheckLoadBalancers(int existing)
    {
        if (existing >= LoadBalancers)
        {
            throw new AwsServiceError("TooManyLoadBalancers", "The quota for the number of load balancers has been reached");
        }
    }

    /// <summary>Checks that one more target group fits.</summary>
    /// <exception cref="AwsServiceError"><c>TooManyTargetGroups</c> (400, per the ELBv2 service model).</exception>
    public void CheckTargetGroups(int existing)
    {
        if (existing >= TargetGroups)
        {
            throw new AwsServiceError("TooManyTargetGroups", "The quota for the number of target groups has been reached");
        }
    }

    /// <summary>Checks that one more security group fits.</summary>
    /// <exception cref="AwsServiceError"><c>SecurityGroupLimitExceeded</c>.</exception>
    public void CheckSecurityGroups(int existing)
    {
        if (existing >= SecurityGroups)
        {
            throw new AwsServiceError("SecurityGroupLimitExceeded", $"You have reached the maximum number of security groups ({SecurityGroups}) for this Region.");
        }
    }

    /// <summary>AWS's default quota for Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances.</summary>
    public const int DefaultOnDemandVcpus = 1152;

    /// <summary>AWS's default quota for inbound (and, apart, outbound) rules per security group.</summary>
    public const int DefaultRulesPerSecurityGroup = 60;

    /// <summary>
    /// How many of <paramref name="max"/> instances of a type fit in the vCPU quota next to <paramref name="instances"/>,
    /// RunInstances style: as many as fit, at least <paramref name="min"/>.
    /// </summary>
    /// <exception cref="AwsServiceError"><c>VcpuLimitExceeded</c> when not even <paramref name="min"/> fit.</exception>
    public int InstancesWithinVcpuLimit(IEnumerable<Ec2Instance> instances, string instanceType, int min, int max)
    {
        var used = instances.Where(i => i.State is not (InstanceState.Stopped or InstanceState.Terminated))
            .Sum(i => (long)InstanceVcpus.Of(i.InstanceType));
        var each = InstanceVcpus.Of(instanceType);
        var fit = (OnDemandVcpus - used) / each;
        return fit >= min
            ? (int)Math.Min(max, fit)
            : throw new AwsServiceError(
                "VcpuLimitExceeded",
                $"You have requested more vCPU capacity than your current vCPU limit of {OnDemandVcpus} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");
    }

    /// <summary>Checks, before anything changes, that <paramref name="adding"/> rules fit next to <paramref name="existing"/>.</summary>
    /// <exception cref="AwsServiceError"><c>RulesPerSecurityGroupLimitExceeded</c>.</exception>
    public void CheckRules(int existing, int adding)
    {
        if ((long)existing + adding > RulesPerSecurityGroup)
        {
            throw new AwsServiceError("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
        }
    }
}
