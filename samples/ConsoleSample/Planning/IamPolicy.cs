using System.Text;
using System.Text.Json;

namespace AlbBuilder.Sample.Planning;

/// <summary>Writes the permissions as an IAM identity policy: one statement per service, plus narrowed ones where possible.</summary>
internal static class IamPolicy
{
    /// <summary>The service-linked role ELBv2 creates may be created only for ELB.</summary>
    private const string ServiceLinkedRoleAction = "iam:CreateServiceLinkedRole";

    public static string ToJson(IReadOnlyList<IamPermission> permissions)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (var group in permissions.GroupBy(p => (Service: p.Action.Split(':')[0], p.Resource)).OrderBy(g => g.Key.Service, StringComparer.Ordinal))
            {
                var actions = group.Select(p => p.Action).Where(a => a != ServiceLinkedRoleAction).Distinct().Order(StringComparer.Ordinal).ToList();
                if (actions.Count > 0)
                {
                    WriteStatement(json, StatementId(group.Key.Service, group.Key.Resource), actions, group.Key.Resource, condition: null);
                }
            }

            if (permissions.Any(p => p.Action == ServiceLinkedRoleAction))
            {
                WriteStatement(json, "ElbServiceLinkedRole", [ServiceLinkedRoleAction], "*", ("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string StatementId(string service, string resource) => service switch
    {
        "ec2" => "AlbLabEc2",
        "elasticloadbalancing" => "AlbLabElasticLoadBalancing",
        "ssm" => "AlbLabResolveAmiParameter",
        _ => resource == "*" ? $"AlbLab{char.ToUpperInvariant(service[0])}{service[1..]}" : $"AlbLab{char.ToUpperInvariant(service[0])}{service[1..]}Scoped",
    };

    private static void WriteStatement(Utf8JsonWriter json, string sid, IReadOnlyList<string> actions, string resource, (string Key, string Value)? condition)
    {
        json.WriteStartObject();
        json.WriteString("Sid", sid);
        json.WriteString("Effect", "Allow");
        json.WriteStartArray("Action");
        foreach (var action in actions)
        {
            json.WriteStringValue(action);
        }

        json.WriteEndArray();
        json.WriteString("Resource", resource);
        if (condition is { } c)
        {
            json.WriteStartObject("Condition");
            json.WriteStartObject("StringEquals");
            json.WriteString(c.Key, c.Value);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
