using System.Text.RegularExpressions;
using AlbBuilder.LocalCloud.Ec2;

namespace AlbBuilder.LocalCloud.Validation;

/// <summary>
/// EC2's documented constraints on the strings LocalCloud stores (API reference, 2016-11-15), each answered with
/// <c>InvalidParameterValue</c> (400). Every pattern is anchored to the whole string (<c>\z</c>, so a trailing
/// newline does not pass as it would with <c>$</c>).
/// </summary>
internal static partial class Ec2Rules
{
    /// <summary>CreateSecurityGroup GroupName / GroupDescription: up to 255 of a-z A-Z 0-9 space ._-:/()#,@[]+=&amp;;{}!$*.</summary>
    public static string GroupText(string value, string parameter) =>
        value.Length <= 255 && GroupTextPattern().IsMatch(value)
            ? value
            : throw Ec2Errors.InvalidParameterValue(
                $"Invalid value '{AwsText.Echo(value)}' for {parameter}. Up to 255 characters: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{{}}!$*");

    /// <summary>IpRange / UserIdGroupPair Description: the same characters as a group's, up to 255.</summary>
    public static string? RuleDescription(string? value) =>
        value is null || (value.Length <= 255 && GroupTextPattern().IsMatch(value))
            ? value
            : throw Ec2Errors.InvalidParameterValue(
                $"Invalid rule description '{AwsText.Echo(value)}'. Up to 255 characters: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{{}}!$*");

    /// <summary>RunInstances KeyName: a key pair name, up to 255 ASCII characters.</summary>
    public static string? KeyName(string? value) =>
        value is null || (value.Length is >= 1 and <= 255 && AwsText.IsPrintableAscii(value))
            ? value
            : throw Ec2Errors.InvalidParameterValue($"Invalid value '{AwsText.Echo(value)}' for KeyName. Up to 255 ASCII characters.");

    /// <summary>ClientToken: at most 64 ASCII characters.</summary>
    public static string? ClientToken(string? value) =>
        string.IsNullOrEmpty(value) || (value.Length <= 64 && AwsText.IsPrintableAscii(value))
            ? value
            : throw Ec2Errors.InvalidParameterValue($"Invalid value '{AwsText.Echo(value)}' for ClientToken. Maximum 64 ASCII characters.");

    /// <summary>InstanceType: a family and a size (<c>t3.micro</c>), nothing around them.</summary>
    public static string InstanceType(string value) =>
        value.Length <= 64 && InstanceTypePattern().IsMatch(value)
            ? value
            : throw Ec2Errors.InvalidParameterValue($"Invalid value '{AwsText.Echo(value)}' for InstanceType.");

    /// <summary>MetadataOptions.HttpPutResponseHopLimit: 1–64.</summary>
    public static int HopLimit(int value) =>
        value is >= 1 and <= 64
            ? value
            : throw Ec2Errors.InvalidParameterValue($"The HttpPutResponseHopLimit value '{value}' is invalid. Specify a value between 1 and 64.");

    /// <summary>
    /// A tag: key 1–128 and value 0–256 Unicode characters, key not starting with <c>aws:</c>. EC2 allows any
    /// characters in tags; characters XML cannot carry are rejected, as AWS's XML could not return them either.
    /// </summary>
    public static void Tag(string key, string value)
    {
        if (AwsText.CodePoints(key) is 0 or > 128 || !AwsText.IsXmlLegal(key))
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid tag key '{AwsText.Echo(key)}': 1 to 128 Unicode characters.");
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.InvalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
        }

        if (AwsText.CodePoints(value) > 256 || !AwsText.IsXmlLegal(value))
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid tag value '{AwsText.Echo(value)}' for key '{AwsText.Echo(key)}': at most 256 Unicode characters.");
        }
    }

    [GeneratedRegex(@"\A[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]*\z")]
    private static partial Regex GroupTextPattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9-]*\.[a-z0-9]+\z")]
    private static partial Regex InstanceTypePattern();
}
