using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>Recomputes an AWS Signature Version 4 from a received request (server side).</summary>
internal static class SigV4Signer
{
    public static string ComputeSignature(SigV4Request request, SigV4Authorization authorization, string secretKey)
    {
        var amzDate = Header(request, "x-amz-date") ?? string.Empty;
        var canonical = CanonicalRequest(request, authorization.SignedHeaders);
        var stringToSign = string.Join(
            '\n',
            "AWS4-HMAC-SHA256",
            amzDate,
            authorization.Scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), authorization.Date);
        key = Hmac(key, authorization.Region);
        key = Hmac(key, authorization.Service);
        key = Hmac(key, authorization.Terminator);
        return Hex(Hmac(key, stringToSign));
    }

    public static bool SignatureMatches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));

    internal static string CanonicalRequest(SigV4Request request, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(request.Path)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = Header(request, name) ?? string.Empty;
            builder.Append(name.ToLowerInvariant()).Append(':').Append(CollapseSpaces(value.Trim())).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders.Select(h => h.ToLowerInvariant()))).Append('\n');
        // The body is always hashed: the Query APIs take no UNSIGNED-PAYLOAD, so a body swapped after signing fails.
        builder.Append(PayloadHash(request.Body.Span));
        return builder.ToString();
    }

    /// <summary>The hex SHA-256 of a body, as the canonical request and <c>x-amz-content-sha256</c> carry it.</summary>
    public static string PayloadHash(ReadOnlySpan<byte> body) => Hex(SHA256.HashData(body));

    private static string? Header(SigV4Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : null;

    private static string CanonicalPath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        // Non-S3 services encode each segment twice: once on the wire, once for the canonical form.
        return string.Join('/', path.Split('/').Select(s => Encode(Encode(Uri.UnescapeDataString(s)))));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add((Encode(Decode(key)), Encode(Decode(value))));
        }

        return string.Join(
            '&',
            pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    /// <summary>RFC 3986 encoding as SigV4 requires: unreserved characters stay, the rest is %XX (upper case).</summary>
    internal static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
