using System.Text;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Tests.Internals;

public sealed class SigV4SignerTests
{
    [Fact]
    public void TryParse_AuthorizationHeader_ReadsScopeAndSignedHeaders()
    {
        var parsed = SigV4Authorization.TryParse(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123");

        Assert.NotNull(parsed);
        Assert.Equal(("AKIDEXAMPLE", "20150830", "us-east-1", "ec2"), (parsed.AccessKeyId, parsed.Date, parsed.Region, parsed.Service));
        Assert.Equal(["host", "x-amz-date"], parsed.SignedHeaders);
        Assert.Equal("abc123", parsed.Signature);
        Assert.Null(SigV4Authorization.TryParse("Bearer token"));
    }

    [Fact]
    public void CanonicalRequest_SortsQueryAndEncodesRfc3986()
    {
        var request = new SigV4Request(
            "GET",
            "/",
            "?b=2&a=x%20y&a=1",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "example.com", ["X-Amz-Date"] = "20150830T123600Z" },
            Array.Empty<byte>());

        var canonical = SigV4Signer.CanonicalRequest(request, ["host", "x-amz-date"]);

        Assert.Equal(
            "GET\n/\na=1&a=x%20y&b=2\nhost:example.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonical);
    }

    [Fact]
    public void ComputeSignature_ChangesWithSecretAndBody()
    {
        var authorization = SigV4Authorization.TryParse("AWS4-HMAC-SHA256 Credential=AK/20250101/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=x")!;
        SigV4Request Request(string body) => new(
            "POST",
            "/",
            string.Empty,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["host"] = "127.0.0.1:1", ["x-amz-date"] = "20250101T000000Z" },
            Encoding.UTF8.GetBytes(body));

        var a = SigV4Signer.ComputeSignature(Request("Action=A"), authorization, "secret");

        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.Equal(a, SigV4Signer.ComputeSignature(Request("Action=A"), authorization, "secret"));
        Assert.NotEqual(a, SigV4Signer.ComputeSignature(Request("Action=A"), authorization, "other"));
        Assert.NotEqual(a, SigV4Signer.ComputeSignature(Request("Action=B"), authorization, "secret"));
        Assert.True(SigV4Signer.SignatureMatches(a, a.ToUpperInvariant()));
    }
}
