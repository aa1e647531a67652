using System.Security.Cryptography;

namespace AlbBuilder.Building;

/// <summary>The name a lab gets when <c>AlbLab.Create()</c> is given none.</summary>
internal static class LabNames
{
    /// <summary>Readable in the console and in tag searches (<c>albbuilder:lab = lab-…</c>).</summary>
    public const string GeneratedPrefix = "lab-";

    /// <summary>Hex digits after the prefix: 32 random bits make two labs in one account and region meeting by chance negligible.</summary>
    public const int GeneratedSuffixLength = 8;

    /// <summary>
    /// A fresh name such as <c>lab-3f9c2a1b</c>. Labs are found again (adopted) by name, so a fixed default would let
    /// two unnamed labs silently share, and then delete, each other's resources. 12 characters fit every limit:
    /// <c>&lt;name&gt;-alb</c> and <c>&lt;name&gt;-tg</c> stay far below ELBv2's 32.
    /// </summary>
    public static string Generate() => GeneratedPrefix + RandomNumberGenerator.GetHexString(GeneratedSuffixLength, lowercase: true);
}
