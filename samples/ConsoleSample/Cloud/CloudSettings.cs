namespace AlbBuilder.Sample.Cloud;

/// <summary>Where to run: LocalCloud (default) or AWS (<c>--aws</c>), and how fast LocalCloud runs.</summary>
/// <param name="Aws">Run against real AWS.</param>
/// <param name="Region">The AWS region (the SDK's default when null).</param>
/// <param name="Profile">The AWS profile (the SDK's credential chain when null).</param>
/// <param name="Yes">Don't ask before creating or deleting anything on AWS.</param>
/// <param name="Speed">How many times faster than AWS LocalCloud runs.</param>
/// <param name="Instant">LocalCloud without emulated latency (for tests).</param>
/// <param name="Endpoint">A LocalCloud server (<c>--endpoint</c> or AWS_ENDPOINT_URL), or null for LocalCloud in this process.</param>
internal sealed record CloudSettings(bool Aws, string? Region, string? Profile, bool Yes, double Speed, bool Instant, Uri? Endpoint = null);
