using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>How a test bends a request's SigV4 signature (everything else signs as an SDK does).</summary>
internal sealed record Signing
{
    public DateTimeOffset? At { get; init; }

    public bool OmitDate { get; init; }

    public string? ScopeDate { get; init; }

    public string? Region { get; init; }

    public string? Service { get; init; }

    public string Terminator { get; init; } = "aws4_request";

    public string[] SignedHeaders { get; init; } = ["host", "x-amz-date"];

    /// <summary>The <c>x-amz-content-sha256</c> header (signed when present); null sends none.</summary>
    public string? ContentSha256 { get; init; }

    /// <summary>Signs with this payload hash instead of the body's (e.g. <c>UNSIGNED-PAYLOAD</c>).</summary>
    public string? SignedPayloadHash { get; init; }

    /// <summary>Sends this body instead of the one signed.</summary>
    public string? BodyAfterSigning { get; init; }
}

/// <summary>Raw AWS Query requests to a LocalCloud, signed with its credentials (or bent by <see cref="Signing"/>).</summary>
internal sealed class SignedQuery(LocalCloud cloud, TimeProvider? clock = null) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static string Ec2Version => "2016-11-15";

    public static string Elbv2Version => "2015-12-01";

    public Task<(HttpStatusCode Status, XDocument Body)> Ec2Async(string form, Signing? signing = null) =>
        SendAsync("ec2", $"Version={Ec2Version}&{form}", signing);

    public Task<(HttpStatusCode Status, XDocument Body)> Elbv2Async(string form, Signing? signing = null) =>
        SendAsync("elasticloadbalancing", $"Version={Elbv2Version}&{form}", signing);

    public async Task<(HttpStatusCode Status, XDocument Body)> SendAsync(string service, string form, Signing? signing = null)
    {
        using var request = Build(service, form, signing ?? new Signing());
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, XDocument.Parse(text));
    }

    /// <summary>The signed request; its headers as <see cref="Authorization"/> and <see cref="AmzDate"/> would send them.</summary>
    public HttpRequestMessage Build(string service, string form, Signing signing)
    {
        var (authorization, amzDate, body) = Sign(service, form, signing);
        var request = new HttpRequestMessage(HttpMethod.Post, cloud.ServiceUrl)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(signing.BodyAfterSigning ?? body)),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        if (!signing.OmitDate)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        }

        if (signing.ContentSha256 is { } sha)
        {
            request.Headers.TryAddWithoutValidation("x-amz-content-sha256", sha);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    /// <summary>Any method, query, body and content type, signed for <paramref name="service"/> as an SDK would sign it.</summary>
    public HttpRequestMessage BuildRaw(HttpMethod method, string service, string rawQuery, byte[] body, string? contentType)
    {
        var at = (clock ?? TimeProvider.System).GetUtcNow();
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = $"{cloud.ServiceUrl.Host}:{cloud.ServiceUrl.Port}",
            ["x-amz-date"] = amzDate,
        };
        var scope = new SigV4Authorization(LocalCloud.AccessKeyId, amzDate[..8], cloud.Region, service, ["host", "x-amz-date"], string.Empty);
        var query = rawQuery.Length == 0 ? string.Empty : "?" + rawQuery;
        var signature = SigV4Signer.ComputeSignature(new SigV4Request(method.Method, "/", query, headers, body), scope, LocalCloud.SecretAccessKey);
        var request = new HttpRequestMessage(method, new Uri(cloud.ServiceUrl, "/" + query));
        if (body.Length > 0 || method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={LocalCloud.AccessKeyId}/{scope.Scope}, SignedHeaders=host;x-amz-date, Signature={signature}");
        return request;
    }

    /// <summary>Sends a request with two <c>Authorization</c> header lines (HttpClient would join them) over a raw socket.</summary>
    public async Task<(int Status, string Body)> SendWithTwoAuthorizationsAsync(string service, string good, string other)
    {
        var (first, amzDate, body) = Sign(service, good, new Signing());
        var (second, _, _) = Sign(service, other, new Signing());
        var host = $"{cloud.ServiceUrl.Host}:{cloud.ServiceUrl.Port}";
        var head = $"POST / HTTP/1.1\r\nHost: {host}\r\nX-Amz-Date: {amzDate}\r\nAuthorization: {first}\r\nAuthorization: {second}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
        using var client = new TcpClient();
        await client.ConnectAsync(cloud.ServiceUrl.Host, cloud.ServiceUrl.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head + body));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var status = int.Parse(text.Split(' ')[1], CultureInfo.InvariantCulture);
        return (status, text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    /// <summary>The error code of an EC2 (<c>Response/Errors/Error</c>) or ELBv2 (<c>ErrorResponse/Error</c>) answer.</summary>
    public static string? Code(XDocument body) => body.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;

    public void Dispose() => _http.Dispose();

    private (string Authorization, string AmzDate, string Body) Sign(string service, string form, Signing signing)
    {
        var at = signing.At ?? (clock ?? TimeProvider.System).GetUtcNow();
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = $"{cloud.ServiceUrl.Host}:{cloud.ServiceUrl.Port}",
        };
        if (!signing.OmitDate)
        {
            headers["x-amz-date"] = amzDate;
        }

        if (signing.ContentSha256 is { } sha)
        {
            headers["x-amz-content-sha256"] = sha;
        }

        var scope = new SigV4Authorization(
            LocalCloud.AccessKeyId,
            signing.ScopeDate ?? amzDate[..8],
            signing.Region ?? cloud.Region,
            signing.Service ?? service,
            signing.SignedHeaders,
            string.Empty,
            signing.Terminator);
        var signature = SigV4Signer.ComputeSignature(new SigV4Request("POST", "/", string.Empty, headers, Encoding.UTF8.GetBytes(form)), scope, LocalCloud.SecretAccessKey);
        if (signing.SignedPayloadHash is { } payloadHash)
        {
            signature = SignOverPayloadHash(new SigV4Request("POST", "/", string.Empty, headers, Encoding.UTF8.GetBytes(form)), scope, payloadHash, amzDate);
        }

        var authorization = $"AWS4-HMAC-SHA256 Credential={LocalCloud.AccessKeyId}/{scope.Scope}, SignedHeaders={string.Join(';', signing.SignedHeaders)}, Signature={signature}";
        return (authorization, amzDate, form);
    }

    /// <summary>What a client that claims <paramref name="payloadHash"/> for the body would sign.</summary>
    private static string SignOverPayloadHash(SigV4Request request, SigV4Authorization scope, string payloadHash, string amzDate)
    {
        var canonical = SigV4Signer.CanonicalRequest(request, scope.SignedHeaders);
        canonical = canonical[..(canonical.LastIndexOf('\n') + 1)] + payloadHash;
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope.Scope, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + LocalCloud.SecretAccessKey), scope.Date);
        key = Hmac(key, scope.Region);
        key = Hmac(key, scope.Service);
        key = Hmac(key, scope.Terminator);
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
