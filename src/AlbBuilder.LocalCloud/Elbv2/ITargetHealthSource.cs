using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>Where DescribeTargetHealth reads the data plane's health-check results.</summary>
internal interface ITargetHealthSource
{
    /// <summary>The checked health of a registered, running target, or null when it has not been checked yet.</summary>
    TargetHealthView? GetCheckedHealth(string targetGroupArn, TargetKey target);
}
