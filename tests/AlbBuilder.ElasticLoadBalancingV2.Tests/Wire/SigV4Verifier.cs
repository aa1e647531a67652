using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>
/// An independent implementation of AWS Signature Version 4 (from the published algorithm), used to recompute the
/// signature of a request the loopback server received: canonical request → string to sign → HMAC key chain.
/// </summary>
internal static partial class SigV4Verifier
{
    public sealed record Authorization(string AccessKeyId, string Date, string Region, string Service, string Terminator, IReadOnlyList<string> SignedHeaders, string Signature)
    {
        public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";
    }

    public static Authorization Parse(string header)
    {
        var match = AuthorizationPattern().Match(header);
        if (!match.Success)
        {
            throw new FormatException("Not a SigV4 Authorization header: " + header);
        }

        var scope = match.Groups["scope"].Value.Split('/');
        return new Authorization(scope[0], scope[1], scope[2], scope[3], scope[4],
            match.Groups["signed"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>Recomputes the signature of <paramref name="request"/> with <paramref name="secretKey"/>.</summary>
    public static string ComputeSignature(RecordedRequest request, string secretKey)
    {
        var authorization = Parse(request.Header("Authorization") ?? throw new InvalidOperationException("No Authorization header."));
        var amzDate = request.Header("X-Amz-Date") ?? throw new InvalidOperationException("No X-Amz-Date header.");
        var payloadHash = Hex(SHA256.HashData(request.Body));

        var (path, query) = SplitTarget(request.Target);
        var canonicalHeaders = new StringBuilder();
        foreach (var name in authorization.SignedHeaders)
        {
            var value = request.Header(name) ?? throw new InvalidOperationException($"Signed header {name} was not sent.");
            canonicalHeaders.Append(name).Append(':').Append(Whitespace().Replace(value.Trim(), " ")).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            request.Method,
            path,
            CanonicalQuery(query),
            canonicalHeaders.ToString(),
            string.Join(';', authorization.SignedHeaders),
            payloadHash);

        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256",
            amzDate,
            authorization.Scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(authorization.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.Service));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static (string Path, string Query) SplitTarget(string target)
    {
        var q = target.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (target, string.Empty) : (target[..q], target[(q + 1)..]);
    }

    private static string CanonicalQuery(string query) =>
        query.Length == 0
            ? string.Empty
            : string.Join('&', query.Split('&')
                .Select(p => p.Contains('=', StringComparison.Ordinal) ? p : p + "=")
                .OrderBy(p => p, StringComparer.Ordinal));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<scope>[^,]+), ?SignedHeaders=(?<signed>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
