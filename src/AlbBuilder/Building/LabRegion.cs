using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace AlbBuilder.Building;

/// <summary>
/// The region of the clients the lab (or <c>AddAlbBuilder</c>) creates. It follows the SDK's order — the builder,
/// <c>AWSConfigs.AWSRegion</c>, <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>, the shared config profile — but stops
/// before the SDK's last resort, the EC2 instance-metadata address: off EC2 that probe only delays the failure.
/// </summary>
internal static class LabRegion
{
    /// <param name="configured">The builder's region, if any.</param>
    /// <param name="profiles">Where profiles are read; the SDK's shared files (<c>AWS_CONFIG_FILE</c>, <c>~/.aws/config</c>…) when null.</param>
    public static RegionEndpoint Resolve(RegionEndpoint? configured, ICredentialProfileSource? profiles = null)
    {
        var name = configured?.SystemName
            ?? NonEmpty(AWSConfigs.AWSRegion)
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
            ?? FromProfile(profiles ?? new CredentialProfileStoreChain());
        return name is null ? throw new LabRegionMissingException() : RegionEndpoint.GetBySystemName(name);
    }

    private static string? FromProfile(ICredentialProfileSource profiles)
    {
        try
        {
            // Named explicitly: the SDK's own default profile name is read once per process, not per lab. No network.
            var profile = NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE")) ?? NonEmpty(AWSConfigs.AWSProfileName) ?? "default";
            return NonEmpty(new ProfileAWSRegion(profiles, profile).Region?.SystemName);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
