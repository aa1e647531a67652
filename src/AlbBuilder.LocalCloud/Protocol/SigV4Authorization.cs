namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>A parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string Terminator = "aws4_request")
{
    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    public static SigV4Authorization? TryParse(string? header)
    {
        const string Algorithm = "AWS4-HMAC-SHA256";
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith(Algorithm, StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            switch (name)
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: break;
            }
        }

        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || signedHeaders is null || signature is null)
        {
            return null;
        }

        return new SigV4Authorization(
            scope[0],
            scope[1],
            scope[2],
            scope[3],
            signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries),
            signature,
            scope[4]);
    }
}
