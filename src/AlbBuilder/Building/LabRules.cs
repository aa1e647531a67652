using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AlbBuilder.Building;

/// <summary>
/// The checks behind <c>Build()</c> and the DI options validator. Each adds problems to a list instead of throwing,
/// so that one exception can list everything wrong at once. Limits come from the ELBv2/EC2 API references.
/// </summary>
internal static partial class LabRules
{
    /// <summary>The longest lab name: the load balancer is named <c>&lt;lab&gt;-alb</c> and ELBv2 names are at most 32 characters.</summary>
    public const int MaxNameLength = 32 - 4;

    private const int MaxHealthCheckPathLength = 1024;
    private const int MaxTagKeyLength = 128;
    private const int MaxTagValueLength = 256;

    public static void CheckName(List<LabValidationProblem> problems, string field, string name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            problems.Add(new(field, Show(name), $"Use 1–{MaxNameLength} characters, so that '<name>-alb' fits ELBv2's 32-character limit (it has {name.Length})."));
        }

        var invalid = name.Where(c => !char.IsAsciiLetterOrDigit(c) && c != '-').Distinct().ToArray();
        if (invalid.Length > 0)
        {
            problems.Add(new(field, Show(name), $"Use only ASCII letters, digits and hyphens (found {string.Join(" ", invalid.Select(c => "'" + c + "'"))})."));
        }

        if (name.StartsWith('-') || name.EndsWith('-'))
        {
            problems.Add(new(field, Show(name), "Don't begin or end the name with a hyphen (ELBv2 rejects such load balancer and target group names)."));
        }

        if (name.StartsWith("internal-", StringComparison.Ordinal))
        {
            problems.Add(new(field, Show(name), "Don't begin the name with 'internal-' (ELBv2 reserves it for internal load balancers' DNS names)."));
        }

        if (name.StartsWith("sg-", StringComparison.Ordinal))
        {
            problems.Add(new(field, Show(name), "Don't begin the name with 'sg-': the lab's security groups are named after it and EC2 rejects group names starting with 'sg-'."));
        }
    }

    public static void CheckInstanceCount(List<LabValidationProblem> problems, string field, int count)
    {
        if (count is < 1 or > AlbLab.MaxInstances)
        {
            problems.Add(new(field, Show(count), $"Use 1–{AlbLab.MaxInstances} instances (a lab, not a fleet; new accounts have small On-Demand vCPU quotas)."));
        }
    }

    public static void CheckInstanceType(List<LabValidationProblem> problems, string field, string instanceType)
    {
        if (!InstanceTypeShape().IsMatch(instanceType))
        {
            problems.Add(new(field, Show(instanceType), "Use an EC2 instance type in lower case, shaped 'family.size', e.g. 't3.micro'."));
        }
    }

    public static void CheckImageId(List<LabValidationProblem> problems, string field, string imageId)
    {
        if (!AmiIdShape().IsMatch(imageId) && !SsmParameterShape().IsMatch(imageId))
        {
            problems.Add(new(field, Show(imageId), "Use an AMI id ('ami-' and 8 or 17 hex digits) or 'resolve:ssm:<parameter>', e.g. '" + LabDefaults.ImageId + "'."));
        }
    }

    public static void CheckUserData(List<LabValidationProblem> problems, string field, string userData)
    {
        // The value is never shown: user data can hold secrets. Its size is what matters here.
        var bytes = Encoding.UTF8.GetByteCount(userData);
        if (string.IsNullOrWhiteSpace(userData))
        {
            problems.Add(new(field, $"{bytes} bytes", "Give a script that starts the web server, e.g. UserData.HelloHttpd() (the default)."));
        }
        else if (bytes > AlbBuilder.UserData.MaxBytes)
        {
            problems.Add(new(field, $"{bytes} bytes", $"Keep user data at most {AlbBuilder.UserData.MaxBytes} bytes (UTF-8, before base64): EC2's 16 KB limit. Download bigger payloads from the script instead."));
        }
    }

    public static void CheckPort(List<LabValidationProblem> problems, string field, int port)
    {
        if (port is < 1 or > 65535)
        {
            problems.Add(new(field, Show(port), "Use a TCP port from 1 to 65535, e.g. 80."));
        }
    }

    public static void CheckHealthCheck(List<LabValidationProblem> problems, string field, HealthCheckSettings healthCheck)
    {
        if (healthCheck.Path is null || !healthCheck.Path.StartsWith('/') || healthCheck.Path.Length > MaxHealthCheckPathLength)
        {
            problems.Add(new(field + ".Path", Show(healthCheck.Path), $"Use a path that starts with '/' and has at most {MaxHealthCheckPathLength} characters, e.g. '/'."));
        }

        var intervalValid = CheckWholeSeconds(problems, field + ".Interval", healthCheck.Interval, 5, 300);
        var timeoutValid = CheckWholeSeconds(problems, field + ".Timeout", healthCheck.Timeout, 2, 120);
        if (intervalValid && timeoutValid && healthCheck.Timeout >= healthCheck.Interval)
        {
            problems.Add(new(
                field + ".Timeout",
                Show(healthCheck.Timeout),
                $"Make the timeout shorter than the interval ({Show(healthCheck.Interval)}); ELBv2 rejects a timeout that is not."));
        }

        CheckThreshold(problems, field + ".HealthyThreshold", healthCheck.HealthyThreshold);
        CheckThreshold(problems, field + ".UnhealthyThreshold", healthCheck.UnhealthyThreshold);
        CheckMatcher(problems, field + ".Matcher", healthCheck.Matcher);
    }

    public static void CheckDeregistrationDelay(List<LabValidationProblem> problems, string field, TimeSpan delay) =>
        CheckWholeSeconds(problems, field, delay, 0, 3600);

    public static void CheckVpcId(List<LabValidationProblem> problems, string field, string vpcId)
    {
        if (!VpcIdShape().IsMatch(vpcId))
        {
            problems.Add(new(field, Show(vpcId), "Use a VPC id: 'vpc-' and 8 or 17 hex digits, e.g. 'vpc-0123456789abcdef0'."));
        }
    }

    public static void CheckSubnetIds(List<LabValidationProblem> problems, string field, IReadOnlyList<string> subnetIds)
    {
        var shown = "[" + string.Join(", ", subnetIds.Select(Show)) + "]";
        if (subnetIds.Count < 2)
        {
            problems.Add(new(field, shown, "Give at least 2 subnets, one per Availability Zone (an ALB needs two AZs), or leave subnets out to use the VPC's default subnets."));
        }

        foreach (var subnetId in subnetIds.Where(s => !SubnetIdShape().IsMatch(s)))
        {
            problems.Add(new(field, Show(subnetId), "Use a subnet id: 'subnet-' and 8 or 17 hex digits, e.g. 'subnet-0123456789abcdef0'."));
        }

        foreach (var duplicate in subnetIds.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(field, Show(duplicate.Key), "Give each subnet once (the ALB takes at most one subnet per Availability Zone)."));
        }
    }

    /// <summary>Checks user tags; <paramref name="maxTags"/> leaves room for the lab's own tags on the 50-tag limit.</summary>
    public static void CheckTags(List<LabValidationProblem> problems, string field, IReadOnlyList<KeyValuePair<string, string>> tags, int maxTags)
    {
        if (tags.Count > maxTags)
        {
            problems.Add(new(field, $"{tags.Count} tags", $"Give at most {maxTags} tags: AWS allows 50 per resource and the lab adds its own ownership tags and Name."));
        }

        foreach (var (key, value) in tags)
        {
            // The field names the key, so the value shown is the tag's value (not the key again).
            var tagField = $"{field}[{Show(key)}]";
            var shown = Show(value);
            var keyLength = key.EnumerateRunes().Count();
            if (keyLength is 0 or > MaxTagKeyLength)
            {
                problems.Add(new(tagField, shown, $"Use a key of 1–{MaxTagKeyLength} characters (it has {keyLength})."));
            }

            if (value.EnumerateRunes().Count() > MaxTagValueLength)
            {
                problems.Add(new(tagField, shown, $"Use a value of at most {MaxTagValueLength} characters."));
            }

            if (!TagTextShape().IsMatch(key) || !TagTextShape().IsMatch(value))
            {
                problems.Add(new(tagField, shown, "Use only letters, digits, spaces and _ . : / = + - @ in tag keys and values."));
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(tagField, shown, "Don't begin a tag key or value with 'aws:' (in any case): AWS reserves that prefix."));
            }

            if (key.StartsWith("albbuilder:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(tagField, shown, "Don't use the 'albbuilder:' prefix: the lab sets those ownership tags itself, and teardown relies on them."));
            }

            if (key == "Name")
            {
                problems.Add(new(tagField, shown, "Don't set 'Name': the lab names each resource itself (<lab>-alb, <lab>-1…). Use another key."));
            }
        }

        foreach (var duplicate in tags.GroupBy(t => t.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(
                $"{field}[{Show(duplicate.Key)}]",
                string.Join(", ", duplicate.Select(t => Show(t.Value))),
                "Give each tag key once (keys are case-sensitive); remove the extra WithTag/WithTags call."));
        }
    }

    public static void CheckTimeouts(List<LabValidationProblem> problems, string field, LabTimeouts timeouts)
    {
        CheckPositive(problems, field + ".InstancesRunning", timeouts.InstancesRunning);
        CheckPositive(problems, field + ".LoadBalancerActive", timeouts.LoadBalancerActive);
        CheckPositive(problems, field + ".TargetsHealthy", timeouts.TargetsHealthy);
        CheckPositive(problems, field + ".Teardown", timeouts.Teardown);
    }

    public static void CheckPositive(List<LabValidationProblem> problems, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(new(field, Show(value), "Use a positive duration, e.g. TimeSpan.FromMinutes(15)."));
        }
    }

    public static void CheckPollInterval(List<LabValidationProblem> problems, string field, TimeSpan value)
    {
        if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromMinutes(5))
        {
            problems.Add(new(field, Show(value), "Use 10 ms to 5 minutes: seconds on AWS (e.g. TimeSpan.FromSeconds(5)), milliseconds on LocalCloud."));
        }
    }

    public static void CheckCidr(List<LabValidationProblem> problems, string field, string cidr)
    {
        if (!Ipv4CidrShape().IsMatch(cidr))
        {
            problems.Add(new(field, Show(cidr), "Use an IPv4 CIDR 'a.b.c.d/n' with octets 0–255 and n 0–32, e.g. '203.0.113.7/32' for one address."));
        }
    }

    public static void CheckRegionName(List<LabValidationProblem> problems, string field, string region)
    {
        if (!RegionNameShape().IsMatch(region))
        {
            problems.Add(new(field, Show(region), "Use an AWS region name such as 'us-east-1' or 'eu-west-2', or leave it unset to use the SDK's default region."));
        }
    }

    /// <summary>Formats a value for a problem: quoted, and cut short when long (the length is what the fix talks about).</summary>
    public static string Show(string? value) => value switch
    {
        null => "(null)",
        { Length: > 64 } => $"'{value[..32]}…' ({value.Length} characters)",
        _ => $"'{value}'",
    };

    public static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static void CheckThreshold(List<LabValidationProblem> problems, string field, int threshold)
    {
        if (threshold is < 2 or > 10)
        {
            problems.Add(new(field, Show(threshold), "Use a threshold from 2 to 10 consecutive checks."));
        }
    }

    private static void CheckMatcher(List<LabValidationProblem> problems, string field, string? matcher)
    {
        if (!IsValidMatcher(matcher))
        {
            problems.Add(new(field, Show(matcher), "Use HTTP codes from 200 to 499: one ('200'), a list ('200,202') or a range ('200-299')."));
        }
    }

    private static bool IsValidMatcher(string? matcher)
    {
        if (string.IsNullOrEmpty(matcher))
        {
            return false;
        }

        var range = matcher.Split('-');
        if (range.Length == 2)
        {
            return TryParseCode(range[0], out var low) && TryParseCode(range[1], out var high) && low <= high;
        }

        return range.Length == 1 && matcher.Split(',').All(code => TryParseCode(code, out _));
    }

    private static bool TryParseCode(string text, out int code)
    {
        code = 0;
        return text.Length == 3
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code)
            && code is >= 200 and <= 499;
    }

    /// <summary>ELBv2 takes these in whole seconds; a fraction would be silently cut.</summary>
    private static bool CheckWholeSeconds(List<LabValidationProblem> problems, string field, TimeSpan value, int minSeconds, int maxSeconds)
    {
        if (value < TimeSpan.FromSeconds(minSeconds) || value > TimeSpan.FromSeconds(maxSeconds) || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            problems.Add(new(field, Show(value), $"Use whole seconds from {minSeconds} to {maxSeconds}."));
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceTypeShape();

    [GeneratedRegex(@"^ami-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex AmiIdShape();

    [GeneratedRegex(@"^resolve:ssm:[a-zA-Z0-9_.\-/]+(:[a-zA-Z0-9_.\-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SsmParameterShape();

    [GeneratedRegex(@"^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex VpcIdShape();

    [GeneratedRegex(@"^subnet-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex SubnetIdShape();

    /// <summary>The tag key/value pattern of the ELBv2 service model (EC2 accepts at least these).</summary>
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagTextShape();

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4CidrShape();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionNameShape();
}
