namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>The parts of a received request that a SigV4 signature covers.</summary>
internal sealed record SigV4Request(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body);
