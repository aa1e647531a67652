using System.Net;

namespace AlbBuilder.LocalCloud.Server;

/// <summary>The server's command line, checked.</summary>
/// <param name="Bind">The address to listen on: loopback only.</param>
/// <param name="Port">The control-plane port.</param>
/// <param name="Region">The emulated region.</param>
/// <param name="Profile">How long life cycles take.</param>
/// <param name="VerifySignatures">Whether requests must be signed with LocalCloud's fixed credentials.</param>
internal sealed record ServerSettings(IPAddress Bind, int Port, string Region, LatencyProfile Profile, bool VerifySignatures)
{
    /// <summary>Gets how API requests are throttled: AWS's rates (the default) or not at all (<c>--no-throttling</c>).</summary>
    public LocalCloudThrottling Throttling { get; init; } = LocalCloudThrottling.Aws;

    /// <summary>The documented default port (LocalStack's is 4566; this one stays clear of it).</summary>
    public const int DefaultPort = 4580;

    /// <summary>The sample's default: everything 50 times faster than AWS.</summary>
    public const double DefaultSpeed = 50;

    /// <summary>Checks a bind address: only 127.0.0.1 (or <c>localhost</c>) is accepted.</summary>
    /// <returns>The address, or an error message for people.</returns>
    public static (IPAddress? Address, string? Error) ParseBind(string value)
    {
        if (string.Equals(value, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return (IPAddress.Loopback, null);
        }

        if (!IPAddress.TryParse(value, out var address))
        {
            return (null, $"--bind: '{value}' is not an IP address. LocalCloud listens on loopback (127.0.0.1) only.");
        }

        if (!IPAddress.IsLoopback(address))
        {
            return (null, $"--bind: refusing {value}: LocalCloud accepts any credentials and runs no authorization, so it listens on loopback (127.0.0.1) only and never on a network interface.");
        }

        return address.Equals(IPAddress.Loopback)
            ? (address, null)
            : (null, $"--bind: {value} is a loopback address, but LocalCloud's endpoint listens on 127.0.0.1 only.");
    }
}
