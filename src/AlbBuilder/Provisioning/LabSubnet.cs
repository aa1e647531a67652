namespace AlbBuilder.Provisioning;

/// <summary>The subnet the lab uses in one Availability Zone.</summary>
internal sealed record LabSubnet(string SubnetId, string AvailabilityZone);
