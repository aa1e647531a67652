using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>
/// DescribeAccountAttributes: the six attributes AWS documents, with a default account's values
/// (docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAccountAttributes.html).
/// </summary>
internal sealed partial class Ec2Api
{
    [AwsAction]
    private IEnumerable<object?> DescribeAccountAttributes(QueryParameters p)
    {
        var all = AccountAttributes();
        var names = p.GetList("AttributeName");
        foreach (var name in names.Where(n => !all.ContainsKey(n)))
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid attribute name: {AwsText.Echo(name)}");
        }

        var selected = names.Count == 0 ? all.Keys : names.Distinct(StringComparer.Ordinal);
        yield return Xml.Items("accountAttributeSet", selected, name =>
        [
            Xml.E("attributeName", name),
            Xml.Items("attributeValueSet", all[name], value => [Xml.E("attributeValue", value)]),
        ]);
    }

    /// <summary>
    /// The attributes in AWS's documented order. <c>max-instances</c> is "no longer supported" by AWS (the vCPU quota
    /// replaced it) and answers the legacy default of 20; the security-groups-per-interface and Elastic IP values are
    /// the Amazon VPC quota defaults (5 each).
    /// </summary>
    private Dictionary<string, string[]> AccountAttributes() => new(StringComparer.Ordinal)
    {
        ["supported-platforms"] = ["VPC"],
        ["default-vpc"] = [_state.DefaultVpc.Id],
        ["max-instances"] = ["20"],
        ["vpc-max-security-groups-per-interface"] = ["5"],
        ["max-elastic-ips"] = ["5"],
        ["vpc-max-elastic-ips"] = ["5"],
    };
}
