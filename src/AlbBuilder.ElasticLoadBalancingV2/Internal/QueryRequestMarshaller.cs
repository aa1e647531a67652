using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>
/// Turns any ELBv2 request into the AWS Query wire form: <c>POST /</c> with a form body
/// <c>Action=X&amp;Version=2015-12-01&amp;…</c>. The Marshaller handler adds the form content type.
/// </summary>
internal sealed class QueryRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public const string ApiVersion = "2015-12-01";

    public static QueryRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var request = input as AmazonElasticLoadBalancingV2Request
            ?? throw new ArgumentException($"Expected an {nameof(AmazonElasticLoadBalancingV2Request)}.", nameof(input));

        var wire = new DefaultRequest(request, ElasticLoadBalancingV2Metadata.ServiceIdValue)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
        };
        wire.Parameters["Action"] = request.OperationName;
        wire.Parameters["Version"] = ApiVersion;
        request.WriteQueryParameters(wire.Parameters);
        wire.ContentStream = AWSSDKUtils.WriteParametersToPooledStream(wire);
        return wire;
    }
}
