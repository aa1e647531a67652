using System.Net;
using System.Xml;
using System.Xml.Linq;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>
/// Reads a Query-protocol response (<c>&lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;…</c>)
/// into <typeparamref name="TResponse"/> and an <c>&lt;ErrorResponse&gt;</c> into the typed exception. The body is
/// loaded into an <see cref="XDocument"/>: simpler and sturdier than the SDK's streaming depth bookkeeping.
/// </summary>
/// <typeparam name="TResponse">The operation's response type.</typeparam>
internal sealed class QueryResponseUnmarshaller<TResponse> : XmlResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse
{
    private const string RequestIdHeader = "x-amzn-RequestId";

    private readonly string _resultElementName;
    private readonly Func<XElement?, TResponse> _readResult;

    public QueryResponseUnmarshaller(string operationName, Func<XElement?, TResponse> readResult)
    {
        _resultElementName = operationName + "Result";
        _readResult = readResult;
    }

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var root = QueryDocument.Load(input.Stream)?.Root;
        var result = root?.Elements().FirstOrDefault(e => e.Name.LocalName == _resultElementName);
        var response = _readResult(result);

        var bodyRequestId = root?.Elements().FirstOrDefault(e => e.Name.LocalName == "ResponseMetadata")
            ?.Elements().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        response.ResponseMetadata ??= new ResponseMetadata();
        response.ResponseMetadata.RequestId = HeaderRequestId(input) ?? bodyRequestId;
        response.HttpStatusCode = input.ResponseData?.StatusCode ?? HttpStatusCode.OK;
        return response;
    }

    public override AmazonServiceException UnmarshallException(
        XmlUnmarshallerContext input,
        Exception innerException,
        HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(input);
        var error = QueryError.Read(input.Stream);
        var requestId = HeaderRequestId(input) ?? error.RequestId ?? string.Empty;
        var message = error.Message ?? $"The service returned HTTP {(int)statusCode} without an error message.";
        return ElasticLoadBalancingV2ErrorFactory.Create(
            error.Code ?? string.Empty, message, innerException, error.Type, requestId, statusCode);
    }

    private static string? HeaderRequestId(XmlUnmarshallerContext input)
    {
        var data = input.ResponseData;
        if (data is null || !data.IsHeaderPresent(RequestIdHeader))
        {
            return null;
        }

        var value = data.GetHeaderValue(RequestIdHeader);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
