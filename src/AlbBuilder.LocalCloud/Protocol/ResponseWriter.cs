using System.Xml;
using System.Xml.Linq;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>Turns results and errors into each service's XML response documents.</summary>
internal static class ResponseWriter
{
    public static readonly XNamespace Ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public static readonly XNamespace Elbv2Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    /// <summary>EC2: <c>&lt;XResponse xmlns=…&gt;&lt;requestId/&gt;…members…&lt;/XResponse&gt;</c>.</summary>
    public static XDocument Ec2Success(string action, string requestId, IEnumerable<object?> members)
    {
        var root = new XElement(action + "Response", new XElement("requestId", requestId), members.ToArray());
        return Xml.Namespaced(root, Ec2Namespace);
    }

    /// <summary>ELBv2: <c>&lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId/&gt;…</c>.</summary>
    public static XDocument Elbv2Success(string action, string requestId, IEnumerable<object?> members)
    {
        var root = new XElement(
            action + "Response",
            new XElement(action + "Result", members.ToArray()),
            new XElement("ResponseMetadata", new XElement("RequestId", requestId)));
        return Xml.Namespaced(root, Elbv2Namespace);
    }

    public static XDocument Error(AwsService service, AwsServiceError error, string requestId)
    {
        if (service == AwsService.Ec2)
        {
            return new XDocument(
                new XDeclaration("1.0", "UTF-8", null),
                new XElement(
                    "Response",
                    new XElement(
                        "Errors",
                        new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
                    new XElement("RequestID", requestId)));
        }

        var root = new XElement(
            "ErrorResponse",
            new XElement(
                "Error",
                new XElement("Type", error.HttpStatus >= 500 ? "Receiver" : "Sender"),
                new XElement("Code", error.Code),
                new XElement("Message", error.Message)),
            new XElement("RequestId", requestId));
        return Xml.Namespaced(root, Elbv2Namespace);
    }

    /// <summary>
    /// The wire text of a document. The last line of defence: validation keeps characters XML cannot carry out of
    /// the state and error messages escape them, but should a document still fail to serialise, the answer is an
    /// AWS-shaped <c>InternalError</c> (EC2) / <c>InternalFailure</c> (ELBv2) with 500, never a broken or empty body.
    /// </summary>
    public static (int Status, string Text) Render(XDocument document, int status, AwsService service, string requestId)
    {
        try
        {
            return (status, Text(document));
        }
        catch (Exception ex) when (ex is ArgumentException or XmlException)
        {
            var error = new AwsServiceError(service == AwsService.Ec2 ? "InternalError" : "InternalFailure", "LocalCloud could not serialise its answer.", 500);
            return (500, Text(Error(service, error, requestId)));
        }
    }

    private static string Text(XDocument document) => document.Declaration + document.ToString(SaveOptions.DisableFormatting);
}
