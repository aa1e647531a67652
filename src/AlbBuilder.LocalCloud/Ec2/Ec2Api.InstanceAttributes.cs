using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>
/// DescribeInstanceAttribute: one attribute per call, answered as AWS does (<c>&lt;instanceId&gt;</c> and an element named
/// after the attribute, its value in <c>&lt;value&gt;</c>; user data base64-encoded, an empty element when there is none).
/// </summary>
internal sealed partial class Ec2Api
{
    /// <summary>The attributes EC2 knows that LocalCloud has nothing for: answered as an empty element, as AWS does when unset.</summary>
    private static readonly HashSet<string> _unsetAttributes = new(StringComparer.Ordinal)
    {
        "kernel", "ramdisk", "blockDeviceMapping", "productCodes", "sriovNetSupport", "enclaveOptions",
    };

    [AwsAction]
    private IEnumerable<object?> DescribeInstanceAttribute(QueryParameters p)
    {
        var id = Require(p, "InstanceId");
        var attribute = Require(p, "Attribute");
        var instance = FindInstances([id])[0];
        var value = attribute switch
        {
            "instanceType" => Value(instance.InstanceType),
            "userData" => instance.UserData.Length == 0 ? Xml.E("userData") : Value(Convert.ToBase64String(instance.UserData)),
            "disableApiTermination" or "disableApiStop" or "ebsOptimized" => Value("false"),
            "sourceDestCheck" or "enaSupport" => Value("true"),
            "instanceInitiatedShutdownBehavior" => Value("stop"),
            "rootDeviceName" => Value("/dev/xvda"),
            "groupSet" => Xml.Items("groupSet", instance.SecurityGroupIds, g => [Xml.E("groupId", g)]),
            _ when _unsetAttributes.Contains(attribute) => Xml.E(attribute),
            _ => throw Ec2Errors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
        yield return Xml.E("instanceId", instance.Id);
        yield return value;

        System.Xml.Linq.XElement Value(string text) => Xml.E(attribute, Xml.E("value", text));
    }
}
