using System.Text.RegularExpressions;

namespace AlbBuilder.Sample.Rendering;

/// <summary>Shortens ELBv2 ARNs for people: <c>arn:aws:elasticloadbalancing:…:loadbalancer/app/demo-alb/50dc…</c> → <c>loadbalancer/demo-alb</c>.</summary>
internal static partial class Arns
{
    public static string Shorten(string text) => ElbArn().Replace(text, m => $"{m.Groups["kind"].Value}/{m.Groups["name"].Value}");

    [GeneratedRegex(@"arn:aws[\w-]*:elasticloadbalancing:[^:\s]*:\d*:(?<kind>loadbalancer|listener|targetgroup)/(?:app/|net/)?(?<name>[^/\s,]+)[^\s,]*")]
    private static partial Regex ElbArn();
}
