using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>EC2's error codes and messages.</summary>
internal static class Ec2Errors
{
    public static AwsServiceError MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}");

    public static AwsServiceError InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static AwsServiceError InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);

    public static AwsServiceError InstanceNotFound(IReadOnlyCollection<string> ids) => ids.Count == 1
        ? new("InvalidInstanceID.NotFound", $"The instance ID '{AwsText.Echo(ids.First())}' does not exist")
        : new("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", ids.Select(AwsText.Echo))}' do not exist");

    public static AwsServiceError InstanceMalformed(string id) =>
        new("InvalidInstanceID.Malformed", $"Invalid id: \"{AwsText.Echo(id)}\" (expecting \"i-...\")");

    public static AwsServiceError GroupNotFound(string idOrName) =>
        new("InvalidGroup.NotFound", $"The security group '{AwsText.Echo(idOrName)}' does not exist");

    public static AwsServiceError GroupMalformed(string id) =>
        new("InvalidGroupId.Malformed", $"Invalid id: \"{AwsText.Echo(id)}\" (expecting \"sg-...\")");

    public static AwsServiceError SubnetNotFound(string id) =>
        new("InvalidSubnetID.NotFound", $"The subnet ID '{AwsText.Echo(id)}' does not exist");

    public static AwsServiceError VpcNotFound(string id) => new("InvalidVpcID.NotFound", $"The vpc ID '{AwsText.Echo(id)}' does not exist");

    public static AwsServiceError IncorrectInstanceState(string id, string action) =>
        new("IncorrectInstanceState", $"The instance '{AwsText.Echo(id)}' is not in a state from which it can be {action}.");

    public static AwsServiceError DependencyViolation(string groupId) =>
        new("DependencyViolation", $"resource {groupId} has a dependent object");

    /// <summary>The NotFound code an operation answers for a resource that is not (yet) visible.</summary>
    public static AwsServiceError NotFoundFor(string operation) => operation switch
    {
        "DescribeInstances" or "StopInstances" or "StartInstances" or "TerminateInstances" or "RunInstances"
            => new("InvalidInstanceID.NotFound", "The instance ID 'i-00000000000000000' does not exist"),
        "DescribeSubnets" => SubnetNotFound("subnet-00000000000000000"),
        "DescribeVpcs" => VpcNotFound("vpc-00000000000000000"),
        "DescribeImages" => new("InvalidAMIID.NotFound", "The image id '[ami-00000000000000000]' does not exist"),
        "CreateTags" or "DeleteTags" or "DescribeTags"
            => new("InvalidID", "The ID 'i-00000000000000000' is not valid"),
        _ => GroupNotFound("sg-00000000000000000"),
    };

    /// <summary>More than 50 tags on one resource.</summary>
    public static AwsServiceError TagLimitExceeded() =>
        new("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
}
