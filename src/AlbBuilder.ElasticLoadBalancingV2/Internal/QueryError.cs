using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>
/// The fields of a Query-protocol error body:
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
/// A body that is empty or not XML (a proxy's HTML page, say) yields empty fields rather than a parse failure,
/// so the caller still gets a service exception with the HTTP status.
/// </summary>
internal sealed record QueryError(string? Code, string? Message, ErrorType Type, string? RequestId)
{
    public static QueryError Read(Stream stream)
    {
        XDocument? document;
        try
        {
            document = QueryDocument.Load(stream);
        }
        catch (XmlException)
        {
            return new QueryError(null, null, ErrorType.Unknown, null);
        }

        var root = document?.Root;
        var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var requestId = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        var type = Child(error, "Type") switch
        {
            "Sender" => ErrorType.Sender,
            "Receiver" => ErrorType.Receiver,
            _ => ErrorType.Unknown,
        };
        return new QueryError(Child(error, "Code"), Child(error, "Message"), type, requestId);
    }

    private static string? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
