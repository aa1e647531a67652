namespace AlbBuilder.Classroom;

/// <summary>
/// The account limits the quota pre-flight cannot read from AWS without the Service Quotas API, with AWS's documented
/// defaults; set the ones your account has raised (Service Quotas console, or
/// <c>aws service-quotas get-service-quota --service-code ec2 --quota-code L-1216C47A</c>).
/// </summary>
public sealed class QuotaLimits
{
    /// <summary>Gets the defaults.</summary>
    public static QuotaLimits Default { get; } = new();

    /// <summary>Gets the vCPUs of Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (Service Quotas L-1216C47A).</summary>
    /// <value>1,152, the default of a long-standing account (and LocalCloud's); new accounts may start lower.</value>
    public int OnDemandStandardVcpus { get; init; } = 1152;

    /// <summary>Gets the security groups a VPC may hold (Amazon VPC quotas).</summary>
    /// <value>2,500.</value>
    public int SecurityGroupsPerVpc { get; init; } = 2500;

    /// <summary>Gets the inbound (and, apart, outbound) rules a security group may hold (Amazon VPC quotas).</summary>
    /// <value>60.</value>
    public int RulesPerSecurityGroup { get; init; } = 60;
}
