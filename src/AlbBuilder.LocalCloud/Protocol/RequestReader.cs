using System.Text;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>
/// The envelope of an AWS Query request before any action runs: which service it is for, whether its method,
/// size and Version are acceptable, and its name/value pairs (query string, then form body) exactly as sent.
/// </summary>
internal static class RequestReader
{
    /// <summary>The largest form body read (AWS Query requests are small; user data is at most 16 KB).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The longest request target (path + query) answered in AWS's format; Kestrel's own limit is 4× this.</summary>
    public const int MaxRequestTargetLength = 16 * 1024;

    /// <summary>The largest total of header bytes answered in AWS's format; Kestrel's own limit is 4× this.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    public const string Ec2Version = "2016-11-15";

    public const string Elbv2Version = "2015-12-01";

    /// <summary>Raises Kestrel's request-line and header limits above ours, so that our checks (with AWS-shaped answers) come first.</summary>
    public static void ConfigureKestrel(KestrelServerOptions options)
    {
        options.Limits.MaxRequestLineSize = 4 * MaxRequestTargetLength;
        options.Limits.MaxRequestHeadersTotalSize = 4 * MaxHeaderBytes;
    }

    /// <summary>The pairs of a query string or form body, each as sent: a repeated name stays repeated.</summary>
    public static List<KeyValuePair<string, string>> Pairs(string? text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(text))
        {
            var name = pair.DecodeName().ToString();
            if (name.Length > 0)
            {
                pairs.Add(new(name, pair.DecodeValue().ToString()));
            }
        }

        return pairs;
    }

    /// <summary>The service a request is for: the SigV4 scope's service, else the Version (DescribeTags is in both), else the action's name.</summary>
    public static AwsService ServiceOf(SigV4Authorization? authorization, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        string? Last(string name) => pairs.LastOrDefault(p => p.Key == name).Value;
        return authorization?.Service switch
        {
            "ec2" => AwsService.Ec2,
            "elasticloadbalancing" => AwsService.ElasticLoadBalancingV2,
            _ => Last("Version") switch
            {
                Ec2Version => AwsService.Ec2,
                Elbv2Version => AwsService.ElasticLoadBalancingV2,
                _ => Elbv2Api.Operations.Contains(Last("Action") ?? string.Empty) ? AwsService.ElasticLoadBalancingV2 : AwsService.Ec2,
            },
        };
    }

    /// <summary>Method, request-target length and header size, checked before the body is read.</summary>
    /// <exception cref="AwsServiceError">405, 414 or 431 in AWS's format.</exception>
    public static void CheckEnvelope(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            // Undocumented on AWS: the Query protocol is GET or POST; RFC 9110 §15.5.6 gives 405 (with Allow).
            request.HttpContext.Response.Headers.Allow = "GET, POST";
            throw new AwsServiceError("MethodNotAllowed", $"The HTTP method '{AwsText.Echo(request.Method)}' is not allowed; use GET or POST.", 405);
        }

        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxRequestTargetLength)
        {
            throw new AwsServiceError("RequestURITooLong", $"The request URI is longer than {MaxRequestTargetLength} characters.", 414);
        }

        var headerBytes = request.Headers.Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v?.Length ?? 0));
        if (headerBytes > MaxHeaderBytes)
        {
            throw new AwsServiceError("RequestHeaderFieldsTooLarge", $"The request headers are larger than {MaxHeaderBytes} bytes.", 431);
        }
    }

    /// <summary>Reads the body, at most <see cref="MaxBodyBytes"/>.</summary>
    /// <returns>The body, and whether it was longer than the limit (then only its first part).</returns>
    /// <exception cref="AwsServiceError">Kestrel rejected the body (bad framing): its status, in AWS's format.</exception>
    public static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBodyBytes)
                {
                    return (buffer.ToArray(), true);
                }
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException bad)
        {
            throw new AwsServiceError("InvalidQueryParameter", "The request body could not be read: " + bad.Message, bad.StatusCode);
        }

        return (buffer.ToArray(), false);
    }

    /// <summary>The form body's pairs (POST only; a GET's body is ignored).</summary>
    public static List<KeyValuePair<string, string>> FormPairs(HttpRequest request, byte[] body) =>
        HttpMethods.IsPost(request.Method) && body.Length > 0 ? Pairs(Encoding.UTF8.GetString(body)) : [];

    /// <summary>
    /// The common parameter Version must name the service's API version. EC2 answers another with
    /// <c>NoSuchVersion</c>; ELBv2 (like other Coral services) with <c>InvalidAction</c> for the version; a missing
    /// one is <c>MissingParameter</c> (both services' common errors).
    /// </summary>
    /// <exception cref="AwsServiceError">Version is missing or not the service's.</exception>
    public static void CheckVersion(AwsService service, string action, string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            throw new AwsServiceError("MissingParameter", "The request must contain the parameter Version");
        }

        if (service == AwsService.Ec2 && version != Ec2Version)
        {
            throw new AwsServiceError("NoSuchVersion", $"The requested version ({AwsText.Echo(version)}) of service AmazonEC2 does not exist");
        }

        if (service == AwsService.ElasticLoadBalancingV2 && version != Elbv2Version)
        {
            throw new AwsServiceError("InvalidAction", $"Could not find operation {AwsText.Echo(action)} for version {AwsText.Echo(version)}");
        }
    }
}
