using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Faults;

/// <summary>Service-qualified operation names (<c>ec2:DescribeTags</c>).</summary>
internal static class FaultKeys
{
    public static string Prefix(AwsService service) => service == AwsService.Ec2 ? "ec2" : "elasticloadbalancing";

    public static string Qualified(AwsService service, string operation) => Prefix(service) + ":" + operation;
}
