using System.Security.Cryptography;

namespace AlbBuilder.LocalCloud.State;

/// <summary>Random identifiers in AWS's formats.</summary>
internal static class ResourceIds
{
    public static string New(string prefix) => prefix + "-" + RandomNumberGenerator.GetHexString(17, lowercase: true);

    public static string Hex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    public static string Digits(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('0' + RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10));
        }

        return new string(chars);
    }
}
