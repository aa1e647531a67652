using System.Xml;
using System.Xml.Linq;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>Safe XML loading for service bodies: no DTDs, no external resolution; an empty body reads as null.</summary>
internal static class QueryDocument
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static XDocument? Load(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            return null;
        }

        buffer.Position = 0;
        using var reader = XmlReader.Create(buffer, Settings);
        return XDocument.Load(reader);
    }
}
