namespace AlbBuilder.Provisioning;

/// <summary>Where the lab lives: a VPC and one subnet per Availability Zone (at least two), sorted by AZ.</summary>
internal sealed record LabNetwork(string VpcId, IReadOnlyList<LabSubnet> Subnets);
