using System.Text;
using System.Text.RegularExpressions;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>One fuzz request: what it is, and how it goes on the wire.</summary>
internal sealed record FuzzCase(int Number, string Kind, string Service, string Action, HttpMethod Method, string Query, byte[] Body, string? ContentType)
{
    public override string ToString() =>
        $"#{Number} [{Kind}] {Method} {Service}:{Shorten(Action)} query='{Shorten(Query)}' body='{Shorten(Encoding.UTF8.GetString(Body))}' type={ContentType ?? "(none)"}";

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..160]}…({text.Length} chars)";
}

/// <summary>
/// Seeded generator of hostile AWS Query requests over every operation LocalCloud serves (the dispatch tables'
/// names): missing and wrong-typed parameters, huge, control-character and XML-special values, odd list indexes,
/// duplicates, odd methods and content types, unknown actions, invalid paging tokens. Values are drawn partly from
/// the ids LocalCloud handed out earlier, so requests reach past "not found".
/// </summary>
internal sealed partial class FuzzCases(int seed)
{
    /// <summary>Every kind of case, each drawn with the same weight.</summary>
    public static readonly string[] Kinds =
    [
        "valid", "missing", "wrong-type", "huge", "xml-special", "odd-content-type", "unknown-action", "bad-token",
        "control", "odd-index", "duplicate", "odd-method", "oversize-body",
    ];

    private static readonly string[] _ec2Parameters =
    [
        "GroupId", "GroupName", "GroupDescription", "Description", "VpcId", "SubnetId", "InstanceId.1", "InstanceId.2", "ImageId",
        "MinCount", "MaxCount", "InstanceType", "KeyName", "ClientToken", "UserData", "MaxResults", "NextToken", "DryRun", "Force",
        "ResourceId.1", "Tag.1.Key", "Tag.1.Value", "Filter.1.Name", "Filter.1.Value.1", "GroupId.1", "GroupName.1", "SubnetId.1",
        "VpcId.1", "ZoneName.1", "ImageId.1", "Owner.1", "SecurityGroupId.1", "SecurityGroup.1", "IpPermissions.1.IpProtocol",
        "IpPermissions.1.FromPort", "IpPermissions.1.ToPort", "IpPermissions.1.IpRanges.1.CidrIp", "IpPermissions.1.IpRanges.1.Description",
        "IpPermissions.1.Groups.1.GroupId", "IpPermissions.1.Groups.1.Description", "SecurityGroupRuleId.1", "TagSpecification.1.ResourceType",
        "TagSpecification.1.Tag.1.Key", "TagSpecification.1.Tag.1.Value", "MetadataOptions.HttpTokens", "MetadataOptions.HttpPutResponseHopLimit",
        "Attribute", "Name", "Names.1",
    ];

    private static readonly string[] _elbParameters =
    [
        "Name", "Subnets.member.1", "Subnets.member.2", "SecurityGroups.member.1", "Scheme", "Type", "IpAddressType", "LoadBalancerArn",
        "LoadBalancerArns.member.1", "Names.member.1", "TargetGroupArn", "TargetGroupArns.member.1", "Protocol", "ProtocolVersion", "Port",
        "VpcId", "TargetType", "HealthCheckProtocol", "HealthCheckPort", "HealthCheckPath", "HealthCheckEnabled", "HealthCheckIntervalSeconds",
        "HealthCheckTimeoutSeconds", "HealthyThresholdCount", "UnhealthyThresholdCount", "Matcher.HttpCode", "Targets.member.1.Id",
        "Targets.member.1.Port", "Targets.member.1.AvailabilityZone", "ListenerArn", "ListenerArns.member.1", "DefaultActions.member.1.Type",
        "DefaultActions.member.1.TargetGroupArn", "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn",
        "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight", "Attributes.member.1.Key", "Attributes.member.1.Value",
        "ResourceArns.member.1", "Tags.member.1.Key", "Tags.member.1.Value", "TagKeys.member.1", "Marker", "PageSize",
    ];

    private static readonly string[] _plausible =
    [
        "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "ami-0a1b2c3d4e5f60718", "t3.micro", "t2.micro",
        "1", "2", "80", "8080", "5", "true", "false", "tcp", "-1", "0.0.0.0/0", "10.0.0.0/8", "HTTP", "HTTPS", "HTTP1", "instance", "ip",
        "forward", "internet-facing", "application", "ipv4", "/", "/health", "200", "200-399", "deregistration_delay.timeout_seconds",
        "stickiness.enabled", "access_logs.s3.bucket", "stickiness.app_cookie.cookie_name", "instance", "security-group", "Name", "web",
        "tag:Name", "vpc-id", "group-name", "instance-state-name", "running", "us-east-1a", "required", "optional", "userData", "instanceType",
    ];

    private readonly Random _random = new(seed);
    private readonly List<string> _ids = [];

    /// <summary>Remembers the ids and ARNs an answer handed out, as later values.</summary>
    public void Harvest(string body)
    {
        foreach (Match match in IdPattern().Matches(body))
        {
            // Only ids LocalCloud could have made: an error message may echo a huge value that looks like an ARN.
            if (_ids.Count < 300 && match.Value.Length <= 200 && !_ids.Contains(match.Value))
            {
                _ids.Add(match.Value);
            }
        }
    }

    public FuzzCase Next(int number, IReadOnlyList<string> ec2Actions, IReadOnlyList<string> elbActions)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        var ec2 = _random.Next(2) == 0;
        var service = ec2 ? "ec2" : "elasticloadbalancing";
        var action = kind == "unknown-action" ? "Fuzz" + new string('X', _random.Next(100_000, 400_000)) + number : Pick(ec2 ? ec2Actions : elbActions);
        var names = ec2 ? _ec2Parameters : _elbParameters;
        var pairs = new List<(string Name, string Value)> { ("Action", action), ("Version", ec2 ? "2016-11-15" : "2015-12-01") };
        var count = kind == "missing" ? _random.Next(0, 2) : _random.Next(1, 8);
        count = kind is "huge" or "oversize-body" ? Math.Max(count, 1) : count;
        for (var i = 0; i < count; i++)
        {
            // One huge value per request: a huge request stays under the 1 MB body limit, an oversize one just over it.
            var name = Pick(names);
            var valueKind = kind is "huge" or "oversize-body" && i > 0 ? "valid" : kind;
            pairs.Add((kind == "odd-index" && _random.Next(2) == 0 ? OddIndex(name) : name, Value(valueKind, name)));
        }

        if (kind == "duplicate" && pairs.Count > 2)
        {
            pairs.Add((pairs[^1].Name, Value("valid", pairs[^1].Name)));
        }

        if (kind == "bad-token")
        {
            pairs.Add((ec2 ? "NextToken" : "Marker", Pick(["OTk5OTk5OTk5OTk=", "LTE=", "%%%", "AAAA", new string('Q', 5000), "MA=="])));
        }

        var form = string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        return kind switch
        {
            "odd-method" => OddMethod(number, kind, service, action, form),
            "odd-content-type" => OddContentType(number, kind, service, action, form),
            _ => new FuzzCase(number, kind, service, action, HttpMethod.Post, string.Empty, Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8"),
        };
    }

    private FuzzCase OddMethod(int number, string kind, string service, string action, string form)
    {
        var method = new HttpMethod(Pick(["PUT", "DELETE", "PATCH", "FOO", "GET"]));
        return _random.Next(2) == 0
            ? new FuzzCase(number, kind, service, action, method, form, [], null)
            : new FuzzCase(number, kind, service, action, method, string.Empty, Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded");
    }

    private FuzzCase OddContentType(int number, string kind, string service, string action, string form)
    {
        var (type, body) = _random.Next(5) switch
        {
            0 => ("application/json", $"{{\"Action\":\"{action}\"}}"),
            1 => ("text/plain", form),
            2 => ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"Action\"\r\n\r\n" + action + "\r\n--x--"),
            3 => ((string?)null, form),
            _ => ("application/x-www-form-urlencoded; charset=latin1", form),
        };
        return new FuzzCase(number, kind, service, action, HttpMethod.Post, string.Empty, Encoding.UTF8.GetBytes(body), type);
    }

    private string Value(string kind, string name) => kind switch
    {
        "wrong-type" => Pick(["abc", "1.5", "99999999999", "-1", "maybe", "0x10", "1e3", string.Empty, "-2147483649"]),
        "huge" => new string(Pick(['a', '9', '-', '.']), _random.Next(10_000, 900_000)),
        "oversize-body" => new string('a', 1024 * 1024 + 1),
        "xml-special" => Pick(["<", "&", "]]>", "\"'", "<a>&amp;</a>", "&#1;", "<![CDATA[x]]>", "&lt;"]) + Plausible(name),
        "control" => Plausible(name) + Pick(["\u0001", "\u001f", "\u0000", "\uFFFE", "\uFFFF", "\n", "\r", "\u0008"]),
        "missing" => _random.Next(2) == 0 ? string.Empty : Plausible(name),
        _ => Plausible(name),
    };

    private string Plausible(string name) =>
        _ids.Count > 0 && (name.Contains("Id", StringComparison.Ordinal) || name.Contains("Arn", StringComparison.Ordinal)) && _random.Next(4) > 0
            ? _ids[_random.Next(_ids.Count)]
            : _random.Next(3) == 0 && _ids.Count > 0 ? _ids[_random.Next(_ids.Count)] : Pick(_plausible);

    private string OddIndex(string name)
    {
        var index = Pick([".0", ".01", ".999999999999", ".-1", ".x", ".", "..1", ".2147483648"]);
        var at = name.IndexOf(".1", StringComparison.Ordinal);
        return at < 0 ? name + index : name[..at] + index + name[(at + 2)..];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    [GeneratedRegex(@"(?:sg|vpc|subnet|i|r|sgr)-[0-9a-f]{8,17}|arn:aws:elasticloadbalancing:[^<\s""]+")]
    private static partial Regex IdPattern();
}
