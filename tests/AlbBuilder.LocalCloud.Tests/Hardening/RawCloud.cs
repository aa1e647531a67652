using System.Net;
using System.Text;
using System.Xml.Linq;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>A LocalCloud reached with hand-written Query requests, whose every answer must be well-formed XML.</summary>
public sealed class RawCloud : IAsyncLifetime
{
    public const string Ec2Version = "Version=2016-11-15&";
    public const string Elbv2Version = "Version=2015-12-01&";
    public const string Al2023 = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    public LocalCloud Cloud { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    // Hand-written requests are unsigned: these tests are about validation and the envelope, so the signature check
    // (on by default, tested in SignatureHardeningTests and ProtocolTests) is off here.
    public async Task InitializeAsync() => Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { VerifySignatures = false });

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cloud.DisposeAsync();
    }

    /// <summary>An EC2 call (Version added) as a POST form.</summary>
    public Task<Answer> Ec2Async(string form) => PostAsync(Ec2Version + form);

    /// <summary>An ELBv2 call (Version added) as a POST form.</summary>
    public Task<Answer> Elbv2Async(string form) => PostAsync(Elbv2Version + form);

    public async Task<Answer> PostAsync(string form)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await Http.PostAsync(Cloud.ServiceUrl, content);
        return await Answer.ReadAsync(response);
    }

    public async Task<Answer> SendAsync(HttpMethod method, string query, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Cloud.ServiceUrl, "?" + query)) { Content = content };
        using var response = await Http.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    /// <summary>One response: status, headers, and its body parsed as XML (parsing fails the test when it is not XML).</summary>
    public sealed record Answer(HttpStatusCode Status, XDocument Body, string Text, HttpResponseMessage Response)
    {
        /// <summary>EC2's <c>Response/Errors/Error/Code</c> or ELBv2's <c>ErrorResponse/Error/Code</c>.</summary>
        public string? Code => Body.Root!.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;

        public string? Message => Body.Root!.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;

        /// <summary>True for EC2's error shape, false for ELBv2's.</summary>
        public bool IsEc2Error => Body.Root!.Name.LocalName == "Response";

        public bool IsElbv2Error => Body.Root!.Name == XName.Get("ErrorResponse", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");

        public IEnumerable<string> Values(string localName) =>
            Body.Root!.Descendants().Where(e => e.Name.LocalName == localName).Select(e => e.Value);

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.False(string.IsNullOrEmpty(text), $"HTTP {(int)response.StatusCode} with an empty body");
            return new Answer(response.StatusCode, XDocument.Parse(text), text, response);
        }
    }
}
