using System.Globalization;
using System.Text;

namespace AlbBuilder.LocalCloud.Validation;

/// <summary>
/// Character-level rules every stored or echoed string obeys: XML 1.0 can carry only tab, LF, CR, U+0020–U+D7FF,
/// U+E000–U+FFFD and paired surrogates, so anything else is rejected before it is stored, and escaped (and
/// shortened) before an error message echoes it.
/// </summary>
internal static class AwsText
{
    /// <summary>How much of a caller's value an error message echoes.</summary>
    public const int EchoLength = 256;

    /// <summary>The longest error message LocalCloud sends (AWS's messages are short; no value is echoed whole).</summary>
    public const int MessageLength = 2048;

    /// <summary>Whether XML 1.0 can carry <paramref name="value"/> (no C0 control other than tab/LF/CR, no U+FFFE/U+FFFF, no lone surrogate).</summary>
    public static bool IsXmlLegal(string value) => FirstIllegal(value) < 0;

    /// <summary>Whether the value has no control character at all (C0, DEL, C1), and is XML-legal.</summary>
    public static bool IsPrintable(string value) =>
        IsXmlLegal(value) && !value.Any(c => char.IsControl(c));

    /// <summary>Whether every character is printable ASCII (U+0020–U+007E).</summary>
    public static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    /// <summary>The number of Unicode characters (a surrogate pair counts once), as AWS counts "Unicode characters".</summary>
    public static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>A value as an error message may show it: illegal characters as <c>\uXXXX</c>, at most <see cref="EchoLength"/> characters.</summary>
    public static string Echo(string? value) => Escape(value ?? string.Empty, EchoLength);

    /// <summary>A whole message made safe for XML and bounded to <see cref="MessageLength"/> characters.</summary>
    public static string Message(string message) => Escape(message, MessageLength);

    private static string Escape(string value, int maxLength)
    {
        if (value.Length <= maxLength && IsXmlLegal(value))
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 16);
        var i = 0;
        for (; i < value.Length && builder.Length < maxLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsLegalChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        if (i < value.Length)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    private static int FirstIllegal(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsLegalChar(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLegalChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= ' ' and < '\uD800') or (>= '\uE000' and <= '\uFFFD');
}
