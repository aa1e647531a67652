using System.Text.RegularExpressions;
using AlbBuilder.LocalCloud.Elbv2;

namespace AlbBuilder.LocalCloud.Validation;

/// <summary>
/// ELBv2's constraints on the strings LocalCloud stores, from the service model (botocore
/// <c>elasticloadbalancingv2/2015-12-01/service-2.json</c>: patterns, lengths, enums) and the API reference;
/// violations are <c>ValidationError</c> (400). Every pattern is anchored to the whole string.
/// </summary>
internal static partial class Elbv2Rules
{
    /// <summary>Protocols the model's <c>ProtocolEnum</c> lists.</summary>
    private static readonly string[] _protocols = ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"];

    /// <summary>A load balancer or target group name's characters: letters, digits, hyphens.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>TagKey (1–128) / TagValue (0–256): letters, separators (spaces), digits and _.:/=+-@.</summary>
    public static void Tag(string key, string value)
    {
        if (key.Length is 0 or > 128 || !TagPattern().IsMatch(key))
        {
            throw Elbv2Errors.Validation(
                $"1 validation error detected: Value '{AwsText.Echo(key)}' at 'tags.key' failed to satisfy constraint: Member must have length between 1 and 128 and satisfy regular expression pattern: ^([\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*)$");
        }

        if (value.Length > 256 || !TagPattern().IsMatch(value))
        {
            throw Elbv2Errors.Validation(
                $"1 validation error detected: Value '{AwsText.Echo(value)}' at 'tags.value' failed to satisfy constraint: Member must have length less than or equal to 256 and satisfy regular expression pattern: ^([\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*)$");
        }
    }

    /// <summary>HealthCheckProtocol: a <c>ProtocolEnum</c> value; for HTTP/HTTPS target groups only HTTP or HTTPS (TCP and the rest are not supported for their health checks).</summary>
    public static string HealthCheckProtocol(string value, string targetGroupProtocol)
    {
        if (!_protocols.Contains(value, StringComparer.Ordinal))
        {
            throw Elbv2Errors.Validation(
                $"1 validation error detected: Value '{AwsText.Echo(value)}' at 'healthCheckProtocol' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", _protocols)}]");
        }

        return targetGroupProtocol is "HTTP" or "HTTPS" && value is not ("HTTP" or "HTTPS")
            ? throw Elbv2Errors.Validation($"Health check protocol '{value}' is not supported for target groups with the {targetGroupProtocol} protocol")
            : value;
    }

    /// <summary>ProtocolVersion (HTTP/HTTPS target groups): GRPC, HTTP1 or HTTP2.</summary>
    public static string ProtocolVersion(string value) =>
        value is "GRPC" or "HTTP1" or "HTTP2"
            ? value
            : throw Elbv2Errors.Validation($"Protocol version '{AwsText.Echo(value)}' is not valid; it must be one of [GRPC, HTTP1, HTTP2]");

    /// <summary>HealthCheckPath (<c>Path</c>: 1–1024): starts with '/', printable characters only.</summary>
    public static string HealthCheckPath(string value) =>
        value.StartsWith('/') && value.Length <= 1024 && AwsText.IsPrintable(value) && !value.Contains(' ', StringComparison.Ordinal)
            ? value
            : throw Elbv2Errors.Validation("Health check path must begin with a '/' character, can be at most 1024 characters long and contain no spaces or control characters");

    /// <summary>An attribute's key (<c>^[a-zA-Z0-9._]+$</c>, ≤256) and value (≤1024, no control characters) before its own rule applies.</summary>
    public static void Attribute(string key, string value)
    {
        if (key.Length > 256 || !AttributeKeyPattern().IsMatch(key))
        {
            throw Elbv2Errors.Validation(
                $"1 validation error detected: Value '{AwsText.Echo(key)}' at 'attributes.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._]+$");
        }

        if (value.Length > 1024 || !AwsText.IsPrintable(value))
        {
            throw Elbv2Errors.Validation(
                $"1 validation error detected: Value '{AwsText.Echo(value)}' at 'attributes.value' failed to satisfy constraint: Member must have length less than or equal to 1024 and contain no control characters");
        }
    }

    /// <summary>access_logs.s3.bucket / connection_logs.s3.bucket: empty (logging off) or an S3 bucket name.</summary>
    public static bool IsBucketOrEmpty(string value) => value.Length == 0 || BucketPattern().IsMatch(value);

    /// <summary>access_logs.s3.prefix: no leading or trailing slash; printable (checked by <see cref="Attribute"/>).</summary>
    public static bool IsLogPrefix(string value) => !value.StartsWith('/') && !value.EndsWith('/');

    /// <summary>stickiness.app_cookie.cookie_name: empty or an RFC 6265 token up to 255 characters, not starting with the reserved AWSALB, AWSALBAPP or AWSALBTG.</summary>
    public static bool IsCookieNameOrEmpty(string value) =>
        value.Length == 0
        || (value.Length <= 255 && CookiePattern().IsMatch(value) && !value.StartsWith("AWSALB", StringComparison.Ordinal));

    /// <summary>RegisterTargets' AvailabilityZone: one of the region's zones, or <c>all</c>.</summary>
    public static string? AvailabilityZone(string? zone, IEnumerable<string> knownZones) =>
        zone is null || zone == "all" || knownZones.Contains(zone, StringComparer.Ordinal)
            ? zone
            : throw Elbv2Errors.Validation($"The Availability Zone '{AwsText.Echo(zone)}' is not valid; specify one of the region's zones or 'all'");

    [GeneratedRegex(@"\A[a-zA-Z0-9-]+\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\A[a-zA-Z0-9._]+\z")]
    private static partial Regex AttributeKeyPattern();

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\z")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"\A[!#$%&'*+\-.^_`|~0-9A-Za-z]+\z")]
    private static partial Regex CookiePattern();
}
