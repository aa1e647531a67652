using AlbBuilder.LocalCloud.Offerings;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>RunInstances and DescribeInstances.</summary>
internal sealed partial class Ec2Api
{
    private const int MaxUserDataBytes = 16 * 1024;

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> RunInstances(QueryParameters p)
    {
        var clientToken = Ec2Rules.ClientToken(p.Get("ClientToken"));
        var fingerprint = RequestFingerprint(p);
        if (!string.IsNullOrEmpty(clientToken) && RememberedReservation(clientToken) is { } existing)
        {
            // Idempotent retry: the same reservation, as it is now (terminated instances included); the same token with
            // other parameters is an error.
            return existing.RequestFingerprint == fingerprint
                ? ReservationMembers(existing, existing.Launched)
                : throw new AwsServiceError("IdempotentParameterMismatch", "The request uses the same client token as a previous, but non-identical request.");
        }

        var imageId = Require(p, "ImageId");
        if (imageId.StartsWith("resolve:ssm:", StringComparison.Ordinal))
        {
            imageId = imageId["resolve:ssm:".Length..] == CloudState.AmazonLinuxSsmParameter
                ? CloudState.AmazonLinuxImageId
                : throw Ec2Errors.InvalidParameterValue($"Invalid SSM parameter: {imageId["resolve:ssm:".Length..]}. LocalCloud knows only {CloudState.AmazonLinuxSsmParameter}.");
        }
        else if (!imageId.StartsWith("ami-", StringComparison.Ordinal))
        {
            throw new AwsServiceError("InvalidAMIID.Malformed", $"Invalid id: \"{AwsText.Echo(imageId)}\" (expecting \"ami-...\")");
        }
        else if (imageId != CloudState.AmazonLinuxImageId)
        {
            throw new AwsServiceError("InvalidAMIID.NotFound", $"The image id '[{AwsText.Echo(imageId)}]' does not exist");
        }

        var min = Int(p, "MinCount") ?? throw Ec2Errors.MissingParameter("MinCount");
        var max = Int(p, "MaxCount") ?? throw Ec2Errors.MissingParameter("MaxCount");
        if (min < 1 || max < min)
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid value '{min}..{max}' for MinCount/MaxCount: 1 <= MinCount <= MaxCount is required.");
        }

        if (min > 50)
        {
            throw new AwsServiceError("InstanceLimitExceeded", "You have requested more instances (" + min + ") than your current instance limit of 50 allows for the specified instance type.");
        }

        var count = Math.Min(max, 50);
        var instanceType = Ec2Rules.InstanceType(p.Get("InstanceType") ?? "m1.small");
        var zone = p.Get("Placement.AvailabilityZone");
        if (zone is not null && !_state.Subnets.Values.Any(x => x.AvailabilityZone == zone))
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid availability zone: [{AwsText.Echo(zone)}]");
        }

        var subnet = p.Get("SubnetId") is { } subnetId
            ? _state.Subnets.TryGetValue(subnetId, out var s) ? s : throw Ec2Errors.SubnetNotFound(subnetId)
            : _state.Subnets.Values.Where(x => x.DefaultForAz && (zone is null || x.AvailabilityZone == zone))
                .OrderBy(x => !InstanceTypeOfferings.Offers(x.AvailabilityZone, instanceType)).ThenBy(x => x.AvailabilityZone, StringComparer.Ordinal).First();
        if (zone is not null && subnet.AvailabilityZone != zone)
        {
            throw Ec2Errors.InvalidParameterCombination($"The subnet {subnet.Id} is not in the availability zone {zone}.");
        }

        RequireOffered(subnet.AvailabilityZone, instanceType);
        var groupIds = p.GetList("SecurityGroupId").ToList();
        foreach (var groupName in p.GetList("SecurityGroup"))
        {
            groupIds.Add(_state.SecurityGroupNamed(groupName, subnet.VpcId)?.Id
                ?? throw Ec2Errors.GroupNotFound(groupName));
        }

        foreach (var groupId in groupIds)
        {
            if (FindGroup(groupId).VpcId != subnet.VpcId)
            {
                throw new AwsServiceError("InvalidParameter", $"Security group {groupId} and subnet {subnet.Id} belong to different networks.");
            }
        }

        if (groupIds.Count == 0)
        {
            groupIds.Add(_state.DefaultSecurityGroupOf(subnet.VpcId).Id);
        }

        var userData = DecodeUserData(p.Get("UserData"));
        var httpTokens = p.Get("MetadataOptions.HttpTokens") ?? "required";
        if (httpTokens is not ("required" or "optional"))
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid value '{httpTokens}' for HttpTokens.");
        }

        var hopLimit = Ec2Rules.HopLimit(Int(p, "MetadataOptions.HttpPutResponseHopLimit") ?? 2);
        var keyName = Ec2Rules.KeyName(p.Get("KeyName"));
        var tags = TagSpecifications(p, "instance", "volume", "network-interface");
        TagLimit.Check([], tags, Ec2Errors.TagLimitExceeded);

        // Everything is validated above, quotas and addresses included: from here on the call cannot fail, so a failed
        // call changes nothing.
        count = _state.InstancesWithAddressesIn(subnet, min, _state.Quotas.InstancesWithinVcpuLimit(_state.Instances.Values, instanceType, min, count));
        var reservation = new Reservation
        {
            Id = ResourceIds.New("r"),
            ClientToken = string.IsNullOrEmpty(clientToken) ? null : clientToken,
            RequestFingerprint = fingerprint,
        };
        var instances = new List<Ec2Instance>();
        for (var i = 0; i < count; i++)
        {
            var privateIp = _state.AllocatePrivateIp(subnet);
            var publicIp = subnet.MapPublicIpOnLaunch ? _state.AllocatePublicIp() : null;
            var instance = new Ec2Instance
            {
                Id = ResourceIds.New("i"),
                ReservationId = reservation.Id,
                ImageId = imageId,
                InstanceType = instanceType,
                Subnet = subnet,
                PrivateIp = privateIp,
                PublicIp = publicIp,
                PrivateDnsName = _state.PrivateDnsName(privateIp),
                PublicDnsName = PublicDnsName(publicIp),
                SecurityGroupIds = [.. groupIds.Distinct(StringComparer.Ordinal)],
                LaunchTime = _state.Now,
                LaunchIndex = i,
                ClientToken = reservation.ClientToken,
                KeyName = keyName,
                HttpTokens = httpTokens,
                HttpPutResponseHopLimit = hopLimit,
                UserData = userData,
            };
            TagLimit.Apply(instance.Tags, tags, Ec2Errors.TagLimitExceeded);
            _state.Instances[instance.Id] = instance;
            reservation.InstanceIds.Add(instance.Id);
            reservation.Launched.Add(instance);
            instances.Add(instance);
            _lifeCycle.Boot(instance);
        }

        _state.Reservations[reservation.Id] = reservation;
        return ReservationMembers(reservation, instances);
    }

    /// <summary>What makes two RunInstances requests "identical" for a client token: every parameter but the envelope's.</summary>
    private static string RequestFingerprint(QueryParameters p)
    {
        var relevant = p.Values
            .Where(v => v.Key is not ("Action" or "Version" or "ClientToken" or "DryRun") && !v.Key.StartsWith("X-Amz-", StringComparison.Ordinal))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => v.Key + "=" + v.Value);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', relevant))));
    }

    private string? PublicDnsName(System.Net.IPAddress? publicIp) =>
        publicIp is null ? null : $"ec2-{publicIp.ToString().Replace('.', '-')}.{_state.Region}.compute.localhost";

    private static byte[] DecodeUserData(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return [];
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Ec2Errors.InvalidParameterValue("Invalid BASE64 encoding of user data.");
        }

        return bytes.Length > MaxUserDataBytes
            ? throw Ec2Errors.InvalidParameterValue($"User data is limited to {MaxUserDataBytes} bytes")
            : bytes;
    }

    [AwsAction]
    private IEnumerable<object?> DescribeInstances(QueryParameters p)
    {
        var ids = p.GetList("InstanceId");
        var filters = Ec2Filter.Parse(p);
        var maxResults = Int(p, "MaxResults");
        if (ids.Count > 0 && maxResults is not null)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }

        var matched = FindInstances(ids)
            .Where(i => Ec2Filter.MatchesAll(filters, name => InstanceAttribute(i, name), i.Tags))
            .OrderBy(i => i.LaunchTime)
            .ThenBy(i => i.ReservationId, StringComparer.Ordinal)
            .ThenBy(i => i.LaunchIndex)
            .ToList();

        var (page, next) = Paginate(matched, maxResults, p.Get("NextToken"), 5);
        var reservations = page.GroupBy(i => i.ReservationId).ToList();
        yield return Xml.Items("reservationSet", reservations, r =>
        [
            Xml.E("reservationId", r.Key),
            Xml.E("ownerId", CloudState.AccountId),
            Xml.E("groupSet"),
            Xml.Items("instancesSet", r, InstanceMembers),
        ]);
        yield return Xml.Opt("nextToken", next);
    }

    private List<Ec2Instance> FindInstances(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return [.. _state.Instances.Values];
        }

        foreach (var id in ids.Where(id => !InstanceIdPattern().IsMatch(id)))
        {
            throw Ec2Errors.InstanceMalformed(id);
        }

        var missing = ids.Where(id => !_state.Instances.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.InstanceNotFound(missing);
        }

        return ids.Distinct(StringComparer.Ordinal).Select(id => _state.Instances[id]).ToList();
    }

    private static IEnumerable<string?>? InstanceAttribute(Ec2Instance i, string name) => name switch
    {
        "instance-id" => [i.Id],
        "instance-state-name" => [i.State.Name()],
        "instance-state-code" => [((int)i.State).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        "vpc-id" => [i.VpcId],
        "subnet-id" => [i.Subnet.Id],
        "availability-zone" => [i.Subnet.AvailabilityZone],
        "instance-type" => [i.InstanceType],
        "image-id" => [i.ImageId],
        "reservation-id" => [i.ReservationId],
        "client-token" => new[] { i.ClientToken },
        "private-ip-address" => [i.PrivateIp.ToString()],
        "ip-address" => new[] { i.PublicIp?.ToString() },
        "private-dns-name" => [i.PrivateDnsName],
        "instance.group-id" or "group-id" => i.SecurityGroupIds,
        "key-name" => new[] { i.KeyName },
        "metadata-options.http-tokens" => [i.HttpTokens],
        _ => null,
    };

    private IEnumerable<object?> ReservationMembers(Reservation reservation, IReadOnlyList<Ec2Instance> instances) =>
    [
        Xml.E("reservationId", reservation.Id),
        Xml.E("ownerId", CloudState.AccountId),
        Xml.E("groupSet"),
        Xml.Items("instancesSet", instances, InstanceMembers),
    ];

    private IEnumerable<object?> InstanceMembers(Ec2Instance i)
    {
        var running = i.State is InstanceState.Running or InstanceState.Pending or InstanceState.Stopping or InstanceState.ShuttingDown;
        var hasPublicIp = running && i.PublicIp is not null;
        return
        [
            Xml.E("instanceId", i.Id),
            Xml.E("imageId", i.ImageId),
            Xml.E("instanceState", Xml.E("code", Xml.Format((int)i.State)), Xml.E("name", i.State.Name())),
            Xml.E("privateDnsName", i.State == InstanceState.Terminated ? string.Empty : i.PrivateDnsName),
            Xml.E("dnsName", hasPublicIp ? i.PublicDnsName : string.Empty),
            Xml.E("reason", i.StateTransitionReason),
            Xml.Opt("keyName", i.KeyName),
            Xml.E("amiLaunchIndex", Xml.Format(i.LaunchIndex)),
            Xml.E("productCodes"),
            Xml.E("instanceType", i.InstanceType),
            Xml.E("launchTime", Xml.Timestamp(i.LaunchTime)),
            Xml.E(
                "placement",
                Xml.E("availabilityZone", i.Subnet.AvailabilityZone),
                Xml.E("availabilityZoneId", i.Subnet.AvailabilityZoneId),
                Xml.E("groupName", string.Empty),
                Xml.E("tenancy", "default")),
            Xml.E("monitoring", Xml.E("state", "disabled")),
            i.State == InstanceState.Terminated ? null : Xml.E("subnetId", i.Subnet.Id),
            i.State == InstanceState.Terminated ? null : Xml.E("vpcId", i.VpcId),
            i.State == InstanceState.Terminated ? null : Xml.E("privateIpAddress", i.PrivateIp.ToString()),
            hasPublicIp ? Xml.E("ipAddress", i.PublicIp!.ToString()) : null,
            Xml.E("sourceDestCheck", "true"),
            Xml.Items("groupSet", i.State == InstanceState.Terminated ? [] : i.SecurityGroupIds, g =>
            [
                Xml.E("groupId", g),
                Xml.E("groupName", _state.SecurityGroups.TryGetValue(g, out var group) ? group.Name : string.Empty),
            ]),
            i.StateReason is { } reason ? Xml.E("stateReason", Xml.E("code", reason.Code), Xml.E("message", reason.Message)) : null,
            Xml.E("architecture", "x86_64"),
            Xml.E("rootDeviceType", "ebs"),
            Xml.E("rootDeviceName", "/dev/xvda"),
            Xml.E("blockDeviceMapping"),
            Xml.E("virtualizationType", "hvm"),
            Xml.Opt("clientToken", i.ClientToken),
            i.Tags.Count == 0 ? null : TagSet(i.Tags),
            Xml.E("hypervisor", "xen"),
            Xml.E("networkInterfaceSet"),
            Xml.E("ebsOptimized", "false"),
            Xml.E("enaSupport", "true"),
            Xml.E(
                "metadataOptions",
                Xml.E("state", "applied"),
                Xml.E("httpTokens", i.HttpTokens),
                Xml.E("httpPutResponseHopLimit", Xml.Format(i.HttpPutResponseHopLimit)),
                Xml.E("httpEndpoint", "enabled"),
                Xml.E("httpProtocolIpv6", "disabled"),
                Xml.E("instanceMetadataTags", "disabled")),
            Xml.E("platformDetails", "Linux/UNIX"),
            Xml.E("usageOperation", "RunInstances"),
            Xml.E("bootMode", "uefi"),
            Xml.E("currentInstanceBootMode", "uefi"),
        ];
    }
}
