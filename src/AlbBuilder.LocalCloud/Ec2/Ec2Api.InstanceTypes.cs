using AlbBuilder.LocalCloud.Offerings;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Quotas;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>
/// DescribeInstanceTypes: the instance types LocalCloud offers with their default vCPUs (what the On-Demand vCPU quota
/// counts), so a quota pre-flight can size a launch as it would on AWS. Other attributes are not emulated.
/// </summary>
internal sealed partial class Ec2Api
{
    [AwsAction]
    private IEnumerable<object?> DescribeInstanceTypes(QueryParameters p)
    {
        var requested = p.GetList("InstanceType").ToList();

        // AWS refuses the whole call when any named type does not exist, naming them.
        var unknown = requested.Where(t => !InstanceTypeOfferings.Catalogue.Contains(t, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new AwsServiceError(
                "InvalidInstanceType",
                $"The following supplied instance types do not exist: [{string.Join(", ", unknown.Select(AwsText.Echo))}]");
        }

        var types = (requested.Count > 0 ? requested.Distinct(StringComparer.Ordinal) : InstanceTypeOfferings.Catalogue)
            .Order(StringComparer.Ordinal)
            .ToList();
        var (page, next) = Paginate(types, Int(p, "MaxResults"), p.Get("NextToken"), 5);
        yield return Xml.Items("instanceTypeSet", page, type =>
        [
            Xml.E("instanceType", type),
            Xml.E("vCpuInfo", [Xml.E("defaultVCpus", InstanceVcpus.Of(type).ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        ]);
        yield return Xml.Opt("nextToken", next);
    }
}
