namespace AlbBuilder.Sample.Planning;

/// <summary>An IAM action the lab needs and why (the recorded calls that need it).</summary>
/// <param name="Action">The IAM action, e.g. <c>ec2:RunInstances</c>.</param>
/// <param name="Reasons">The calls that need it, e.g. <c>RunInstances (TagSpecifications)</c>.</param>
/// <param name="Resource">The resource the statement may be narrowed to; <c>*</c> for most EC2/ELBv2 actions in this policy.</param>
internal sealed record IamPermission(string Action, IReadOnlyList<string> Reasons, string Resource = "*");
