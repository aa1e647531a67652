using AlbBuilder.LocalCloud.Offerings;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>DescribeInstanceTypeOfferings, and RunInstances' check that the zone offers the type.</summary>
internal sealed partial class Ec2Api
{
    [AwsAction]
    private IEnumerable<object?> DescribeInstanceTypeOfferings(QueryParameters p)
    {
        var locationType = p.Get("LocationType") ?? "region";
        var filters = Ec2Filter.Parse(p);
        Func<string, string> location = locationType switch
        {
            "region" => _ => _state.Region,
            "availability-zone" => zone => zone,
            "availability-zone-id" => _state.AvailabilityZoneId,
            _ => throw Ec2Errors.InvalidParameterValue($"Value ({AwsText.Echo(locationType)}) for parameter locationType is invalid. Expecting one of: region, availability-zone, availability-zone-id."),
        };

        // One offering per (type, location); in a region, a type is offered when any zone offers it.
        var offerings = InstanceTypeOfferings.Catalogue
            .SelectMany(type => _state.AvailabilityZones
                .Where(zone => InstanceTypeOfferings.Offers(zone, type))
                .Select(zone => (Type: type, Location: location(zone))))
            .Distinct()
            .Where(o => Ec2Filter.MatchesAll(
                filters,
                name => name switch
                {
                    "instance-type" => [o.Type],
                    "location" => [o.Location],
                    _ => null,
                },
                new Dictionary<string, string>()))
            .OrderBy(o => o.Location, StringComparer.Ordinal)
            .ThenBy(o => o.Type, StringComparer.Ordinal)
            .ToList();

        var (page, next) = Paginate(offerings, Int(p, "MaxResults"), p.Get("NextToken"), 5);
        yield return Xml.Items("instanceTypeOfferingSet", page, o =>
        [
            Xml.E("instanceType", o.Type),
            Xml.E("locationType", locationType),
            Xml.E("location", o.Location),
        ]);
        yield return Xml.Opt("nextToken", next);
    }

    /// <summary>AWS's answer to RunInstances in a zone without the type: nothing is launched.</summary>
    private void RequireOffered(string zone, string instanceType)
    {
        if (InstanceTypeOfferings.Offers(zone, instanceType))
        {
            return;
        }

        var others = _state.AvailabilityZones.Where(z => InstanceTypeOfferings.Offers(z, instanceType));
        throw new AwsServiceError(
            "Unsupported",
            $"Your requested instance type ({instanceType}) is not supported in your requested Availability Zone ({zone}). " +
            $"Please retry your request by not specifying an Availability Zone or choosing {string.Join(", ", others)}.");
    }
}
