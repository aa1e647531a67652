using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>
/// Checks a request's SigV4 signature as AWS does, each failure with the service's code and status: the access key,
/// the credential scope (this cloud's region, the service the request is routed to, <c>aws4_request</c>), the
/// request time (<c>X-Amz-Date</c> or <c>Date</c>, at most 5 minutes off this cloud's clock, the scope's date equal to
/// it), the signed headers (<c>host</c>, and <c>x-amz-date</c> when sent), the declared payload hash, and finally the
/// signature recomputed over the whole body.
/// </summary>
internal sealed class SigV4Verifier(string accessKeyId, string secretKey, string region, TimeProvider timeProvider)
{
    /// <summary>How far a request's time may be from this cloud's clock (IAM: "within five minutes").</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public void Verify(HttpRequest request, byte[] body, AwsService service)
    {
        var ec2 = service == AwsService.Ec2;
        // Two Authorization headers, as two lines or joined by a proxy into one: AWS takes neither.
        var header = request.Headers.Authorization.ToString();
        if (request.Headers.Authorization.Count > 1
            || header.IndexOf("AWS4-HMAC-SHA256", StringComparison.Ordinal) != header.LastIndexOf("AWS4-HMAC-SHA256", StringComparison.Ordinal))
        {
            throw Incomplete(ec2, "The request must contain exactly one Authorization header.");
        }

        var authorization = SigV4Authorization.TryParse(header);
        if (authorization is null)
        {
            throw ec2
                ? new AwsServiceError("AuthFailure", "AWS was not able to validate the provided access credentials", 401)
                : new AwsServiceError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
        }

        if (authorization.AccessKeyId != accessKeyId)
        {
            throw ec2
                ? new AwsServiceError("AuthFailure", "AWS was not able to validate the provided access credentials", 401)
                : new AwsServiceError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
        }

        CheckScope(authorization, ec2 ? "ec2" : "elasticloadbalancing");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = string.Join(',', (IEnumerable<string?>)value);
        }

        CheckTime(authorization, headers, ec2);
        CheckSignedHeaders(authorization, headers, ec2);
        if (headers.TryGetValue("x-amz-content-sha256", out var declared) && declared != SigV4Signer.PayloadHash(body))
        {
            throw Mismatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var signed = new SigV4Request(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body);
        if (!SigV4Signer.SignatureMatches(SigV4Signer.ComputeSignature(signed, authorization, secretKey), authorization.Signature))
        {
            throw Mismatch("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private void CheckScope(SigV4Authorization authorization, string serviceName)
    {
        if (authorization.Terminator != "aws4_request")
        {
            throw Mismatch($"Credential should be scoped with a valid terminator: 'aws4_request', not '{Short(authorization.Terminator)}'.");
        }

        if (authorization.Service != serviceName)
        {
            throw Mismatch($"Credential should be scoped to correct service: '{serviceName}'.");
        }

        if (authorization.Region != region)
        {
            throw Mismatch($"Credential should be scoped to a valid region, not '{Short(authorization.Region)}'.");
        }
    }

    private void CheckTime(SigV4Authorization authorization, Dictionary<string, string> headers, bool ec2)
    {
        DateTimeOffset at;
        string iso;
        if (headers.TryGetValue("x-amz-date", out var amzDate))
        {
            if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
            {
                throw Incomplete(ec2, $"Date must be in ISO-8601 'basic format'. Got '{Short(amzDate)}'. See http://en.wikipedia.org/wiki/ISO_8601");
            }

            iso = amzDate;
        }
        else if (headers.TryGetValue("date", out var date)
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
        {
            iso = Iso(at);
        }
        else
        {
            throw Incomplete(ec2, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (authorization.Date != iso[..8])
        {
            throw Mismatch($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{Short(authorization.Date)}' != '{iso[..8]}', from '{iso}'.");
        }

        var now = timeProvider.GetUtcNow();
        if (at < now - MaxSkew || at > now + MaxSkew)
        {
            throw ec2
                ? new AwsServiceError("RequestExpired", "Request has expired.", 400)
                : Mismatch(at < now
                    ? $"Signature expired: {iso} is now earlier than {Iso(now - MaxSkew)} ({Iso(now)} - 5 min.)"
                    : $"Signature not yet current: {iso} is still later than {Iso(now + MaxSkew)} ({Iso(now)} + 5 min.)");
        }
    }

    private static void CheckSignedHeaders(SigV4Authorization authorization, Dictionary<string, string> headers, bool ec2)
    {
        if (authorization.SignedHeaders.Count == 0)
        {
            throw Incomplete(ec2, "Authorization header requires 'SignedHeaders' parameter.");
        }

        bool Signs(string name) => authorization.SignedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (!Signs("host"))
        {
            throw Incomplete(ec2, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (headers.ContainsKey("x-amz-date") && !Signs("x-amz-date"))
        {
            throw Incomplete(ec2, "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Echoes at most 64 characters of what the client sent.</summary>
    private static string Short(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static AwsServiceError Mismatch(string message) => new("SignatureDoesNotMatch", message, 403);

    // EC2's common errors list IncompleteSignature with 400; the Query services of ELBv2's generation with 403.
    private static AwsServiceError Incomplete(bool ec2, string message) => new("IncompleteSignature", message, ec2 ? 400 : 403);
}
