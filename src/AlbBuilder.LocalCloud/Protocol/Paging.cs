using System.Globalization;
using System.Text;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>Pages a sorted list with an opaque continuation token (EC2's NextToken, ELBv2's Marker): base64 of the offset.</summary>
internal static class Paging
{
    /// <summary>Longer than any token this pager hands out (base64 of <see cref="int.MaxValue"/> is 16 characters).</summary>
    private const int MaxTokenLength = 64;

    /// <summary>Takes the page after <paramref name="token"/>.</summary>
    /// <param name="items">The whole sorted list.</param>
    /// <param name="token">The token of the previous page, or null/empty for the first.</param>
    /// <param name="pageSize">The page size; null for everything that is left.</param>
    /// <param name="invalidToken">The service's error for a token it did not hand out.</param>
    /// <returns>The page, and the token of the next one (null on the last page).</returns>
    public static (List<T> Page, string? NextToken) Take<T>(IReadOnlyList<T> items, string? token, int? pageSize, Func<AwsServiceError> invalidToken) =>
        Take(items, Offset(token, invalidToken), pageSize);

    /// <summary>Reads a token's offset (0 for none), so that a service can check it before its other parameters.</summary>
    public static int Offset(string? token, Func<AwsServiceError> invalidToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        // Only tokens this pager handed out are valid: base64 of a non-negative int. Anything else (bad base64,
        // a sign, an overflowing number) is the service's invalid-token error, never an InternalError.
        if (token.Length > MaxTokenLength)
        {
            throw invalidToken();
        }

        Span<byte> bytes = stackalloc byte[MaxTokenLength];
        return Convert.TryFromBase64String(token, bytes, out var written)
            && int.TryParse(Encoding.UTF8.GetString(bytes[..written]), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw invalidToken();
    }

    /// <summary>Takes the page at <paramref name="offset"/>.</summary>
    public static (List<T> Page, string? NextToken) Take<T>(IReadOnlyList<T> items, int offset, int? pageSize)
    {
        var page = items.Skip(offset).Take(pageSize ?? int.MaxValue).ToList();
        var next = offset + page.Count < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (page, next);
    }
}
