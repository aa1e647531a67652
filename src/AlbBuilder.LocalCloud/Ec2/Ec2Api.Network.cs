using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>VPCs, subnets, zones and images: the fixed default network.</summary>
internal sealed partial class Ec2Api
{
    [AwsAction]
    private IEnumerable<object?> DescribeVpcs(QueryParameters p)
    {
        var ids = p.GetList("VpcId");
        var filters = Ec2Filter.Parse(p);
        foreach (var id in ids.Where(id => !_state.Vpcs.ContainsKey(id)))
        {
            throw Ec2Errors.VpcNotFound(id);
        }

        var vpcs = _state.Vpcs.Values
            .Where(v => ids.Count == 0 || ids.Contains(v.Id))
            .Where(v => Ec2Filter.MatchesAll(
                filters,
                name => name switch
                {
                    "vpc-id" => [v.Id],
                    "is-default" or "isDefault" => [Xml.Format(v.IsDefault)],
                    "cidr" or "cidr-block-association.cidr-block" or "cidrBlock" => [v.CidrBlock],
                    "state" => ["available"],
                    "owner-id" => [CloudState.AccountId],
                    _ => null,
                },
                v.Tags))
            .OrderBy(v => v.Id, StringComparer.Ordinal);

        yield return Xml.Items("vpcSet", vpcs, v =>
        [
            Xml.E("vpcId", v.Id),
            Xml.E("ownerId", CloudState.AccountId),
            Xml.E("state", "available"),
            Xml.E("cidrBlock", v.CidrBlock),
            Xml.Items("cidrBlockAssociationSet", [v], c =>
            [
                Xml.E("cidrBlock", c.CidrBlock),
                Xml.E("associationId", "vpc-cidr-assoc-" + c.Id[4..]),
                Xml.E("cidrBlockState", Xml.E("state", "associated")),
            ]),
            Xml.E("dhcpOptionsId", "dopt-0123456789abcdef0"),
            Xml.E("instanceTenancy", "default"),
            Xml.E("isDefault", Xml.Format(v.IsDefault)),
            TagSet(v.Tags),
        ]);
    }

    [AwsAction]
    private IEnumerable<object?> DescribeSubnets(QueryParameters p)
    {
        var ids = p.GetList("SubnetId");
        var filters = Ec2Filter.Parse(p);
        foreach (var id in ids.Where(id => !_state.Subnets.ContainsKey(id)))
        {
            throw Ec2Errors.SubnetNotFound(id);
        }

        var subnets = _state.Subnets.Values
            .Where(s => ids.Count == 0 || ids.Contains(s.Id))
            .Where(s => Ec2Filter.MatchesAll(
                filters,
                name => name switch
                {
                    "subnet-id" => [s.Id],
                    "vpc-id" => [s.VpcId],
                    "availability-zone" or "availabilityZone" => [s.AvailabilityZone],
                    "availability-zone-id" => [s.AvailabilityZoneId],
                    "default-for-az" or "defaultForAz" => [Xml.Format(s.DefaultForAz)],
                    "cidr-block" or "cidr" or "cidrBlock" => [s.CidrBlock],
                    "map-public-ip-on-launch" => [Xml.Format(s.MapPublicIpOnLaunch)],
                    "state" => ["available"],
                    "owner-id" => [CloudState.AccountId],
                    _ => null,
                },
                s.Tags))
            .OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal);

        yield return Xml.Items("subnetSet", subnets, s =>
        [
            Xml.E("subnetId", s.Id),
            Xml.E("subnetArn", $"arn:aws:ec2:{_state.Region}:{CloudState.AccountId}:subnet/{s.Id}"),
            Xml.E("state", "available"),
            Xml.E("ownerId", CloudState.AccountId),
            Xml.E("vpcId", s.VpcId),
            Xml.E("cidrBlock", s.CidrBlock),
            Xml.E("availableIpAddressCount", Xml.Format(_state.AvailableIpAddressCount(s))),
            Xml.E("availabilityZone", s.AvailabilityZone),
            Xml.E("availabilityZoneId", s.AvailabilityZoneId),
            Xml.E("defaultForAz", Xml.Format(s.DefaultForAz)),
            Xml.E("mapPublicIpOnLaunch", Xml.Format(s.MapPublicIpOnLaunch)),
            Xml.E("assignIpv6AddressOnCreation", "false"),
            TagSet(s.Tags),
        ]);
    }

    [AwsAction]
    private IEnumerable<object?> DescribeAvailabilityZones(QueryParameters p)
    {
        var names = p.GetList("ZoneName");
        var filters = Ec2Filter.Parse(p);
        foreach (var name in names.Where(n => !_state.AvailabilityZones.Contains(n)))
        {
            throw Ec2Errors.InvalidParameterValue($"The zone '{name}' does not exist.");
        }

        var zones = _state.AvailabilityZones
            .Where(z => names.Count == 0 || names.Contains(z))
            .Where(z => Ec2Filter.MatchesAll(
                filters,
                name => name switch
                {
                    "zone-name" => [z],
                    "zone-id" => [_state.AvailabilityZoneId(z)],
                    "state" => ["available"],
                    "region-name" => [_state.Region],
                    "zone-type" => ["availability-zone"],
                    "opt-in-status" => ["opt-in-not-required"],
                    _ => null,
                },
                new Dictionary<string, string>()));

        yield return Xml.Items("availabilityZoneInfo", zones, z =>
        [
            Xml.E("zoneName", z),
            Xml.E("zoneState", "available"),
            Xml.E("regionName", _state.Region),
            Xml.E("zoneId", _state.AvailabilityZoneId(z)),
            Xml.E("zoneType", "availability-zone"),
            Xml.E("optInStatus", "opt-in-not-required"),
            Xml.E("groupName", _state.Region),
            Xml.E("networkBorderGroup", _state.Region),
            Xml.E("messageSet"),
        ]);
    }

    [AwsAction]
    private IEnumerable<object?> DescribeImages(QueryParameters p)
    {
        var ids = p.GetList("ImageId");
        var filters = Ec2Filter.Parse(p);
        foreach (var id in ids.Where(id => id != CloudState.AmazonLinuxImageId))
        {
            throw new AwsServiceError("InvalidAMIID.NotFound", $"The image id '[{id}]' does not exist");
        }

        const string Name = "al2023-ami-2023.9.20251117.1-kernel-6.1-x86_64";
        var match = Ec2Filter.MatchesAll(
            filters,
            name => name switch
            {
                "image-id" => [CloudState.AmazonLinuxImageId],
                "name" => [Name],
                "architecture" => ["x86_64"],
                "state" => ["available"],
                "owner-alias" => ["amazon"],
                "owner-id" => ["137112412989"],
                "virtualization-type" => ["hvm"],
                "root-device-type" => ["ebs"],
                "platform-details" => ["Linux/UNIX"],
                "image-type" => ["machine"],
                "is-public" => ["true"],
                _ => null,
            },
            new Dictionary<string, string>());
        var owners = p.GetList("Owner");
        match &= owners.Count == 0 || owners.Any(o => o is "amazon" or "137112412989");

        yield return Xml.Items("imagesSet", match ? [CloudState.AmazonLinuxImageId] : Array.Empty<string>(), id =>
        [
            Xml.E("imageId", id),
            Xml.E("imageLocation", "amazon/" + Name),
            Xml.E("imageState", "available"),
            Xml.E("imageOwnerId", "137112412989"),
            Xml.E("creationDate", "2025-11-17T00:00:00.000Z"),
            Xml.E("isPublic", "true"),
            Xml.E("architecture", "x86_64"),
            Xml.E("imageType", "machine"),
            Xml.E("imageOwnerAlias", "amazon"),
            Xml.E("name", Name),
            Xml.E("description", "Amazon Linux 2023 AMI (LocalCloud)"),
            Xml.E("rootDeviceType", "ebs"),
            Xml.E("rootDeviceName", "/dev/xvda"),
            Xml.E("virtualizationType", "hvm"),
            Xml.E("hypervisor", "xen"),
            Xml.E("enaSupport", "true"),
            Xml.E("bootMode", "uefi-preferred"),
            Xml.E("imdsSupport", "v2.0"),
            Xml.E("platformDetails", "Linux/UNIX"),
            Xml.E("usageOperation", "RunInstances"),
        ]);
    }
}
