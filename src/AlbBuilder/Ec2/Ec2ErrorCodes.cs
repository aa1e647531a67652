namespace AlbBuilder.Ec2;

/// <summary>The EC2 error codes the lab reacts to (EC2 has one exception type; the code tells them apart).</summary>
internal static class Ec2ErrorCodes
{
    public const string InvalidGroupNotFound = "InvalidGroup.NotFound";

    public const string InvalidInstanceIdNotFound = "InvalidInstanceID.NotFound";

    public const string InvalidPermissionNotFound = "InvalidPermission.NotFound";

    public const string InvalidPermissionDuplicate = "InvalidPermission.Duplicate";

    public const string InvalidGroupDuplicate = "InvalidGroup.Duplicate";

    public const string DependencyViolation = "DependencyViolation";

    public const string InvalidVpcIdNotFound = "InvalidVpcID.NotFound";

    public const string InvalidSubnetIdNotFound = "InvalidSubnetID.NotFound";
}
