namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>One flattened rule: a protocol and port range from (or to) one CIDR or one security group.</summary>
internal sealed record SecurityGroupRule(
    string Protocol,
    int? FromPort,
    int? ToPort,
    string? CidrIp,
    string? GroupId,
    string? Description)
{
    public string RuleId { get; init; } = string.Empty;

    /// <summary>Two rules are the same rule when everything but the description and id is equal.</summary>
    public bool SameRuleAs(SecurityGroupRule other) =>
        Protocol == other.Protocol && FromPort == other.FromPort && ToPort == other.ToPort
        && CidrIp == other.CidrIp && GroupId == other.GroupId;

    public bool CoversPort(int port) =>
        Protocol == "-1" || (Protocol == "tcp" && FromPort <= port && port <= ToPort);

    public string Describe() =>
        $"peer: {CidrIp ?? GroupId}, {(Protocol == "-1" ? "ALL" : Protocol.ToUpperInvariant())}, from port: {FromPort}, to port: {ToPort}, ALLOW";
}
