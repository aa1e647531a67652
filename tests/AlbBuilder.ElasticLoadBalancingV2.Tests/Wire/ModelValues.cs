using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>
/// Generates a value for every member of a model shape and renders it the ways the wire needs: as a CLR request
/// object (filled by reflection, by member name), as the AWS Query form the model implies, and as response XML; and
/// checks a parsed CLR object against it.
/// </summary>
internal static class ModelValues
{
    private const int MaxDepth = 10;
    private static readonly Assembly ClientAssembly = typeof(AmazonElasticLoadBalancingV2Client).Assembly;
    private static readonly DateTime BaseTime = new(2026, 11, 25, 17, 43, 5, 123, DateTimeKind.Utc);

    /// <summary>A value for <paramref name="shape"/> with every member set; lists get two items unless <paramref name="emptyLists"/>.</summary>
    public static ModelValue Generate(string shape, bool emptyLists = false) => Generate(shape, shape, 0, emptyLists);

    private static ModelValue Generate(string shape, string path, int depth, bool emptyLists)
    {
        var model = ServiceModel.Instance;
        var s = model.Shape(shape);
        var type = s.GetProperty("type").GetString();
        var hash = StableHash(path);
        switch (type)
        {
            case "string" when s.TryGetProperty("enum", out var values):
                var all = values.EnumerateArray().Select(v => v.GetString()!).ToList();
                var pick = all[hash % all.Count];
                return new ScalarValue("enum", pick, pick);
            case "string":
                // Characters that need percent-encoding in a form body and escaping in XML.
                var text = "v-" + path + " a&b=c/é+%~";
                return new ScalarValue("string", text, text);
            case "integer":
                var i = 1 + (hash % 5000);
                return new ScalarValue("integer", i, i.ToString(CultureInfo.InvariantCulture));
            case "long":
                var l = 10_000_000_000L + hash;
                return new ScalarValue("long", l, l.ToString(CultureInfo.InvariantCulture));
            case "boolean":
                var b = hash % 2 == 0;
                return new ScalarValue("boolean", b, b ? "true" : "false");
            case "timestamp":
                var t = BaseTime.AddSeconds(hash % 100_000);
                return new ScalarValue("timestamp", t, t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case "list":
                var member = s.GetProperty("member").GetProperty("shape").GetString()!;
                return new ListValue(emptyLists
                    ? []
                    : [Generate(member, path + "[1]", depth + 1, emptyLists), Generate(member, path + "[2]", depth + 1, emptyLists)]);
            case "map":
                var keyShape = s.GetProperty("key").GetProperty("shape").GetString()!;
                var valueShape = s.GetProperty("value").GetProperty("shape").GetString()!;
                return new MapValue(
                [
                    new((ScalarValue)Generate(keyShape, path + "{k1}", depth + 1, emptyLists), Generate(valueShape, path + "{v1}", depth + 1, emptyLists)),
                    new((ScalarValue)Generate(keyShape, path + "{k2}", depth + 1, emptyLists), Generate(valueShape, path + "{v2}", depth + 1, emptyLists)),
                ]);
            case "structure":
                if (depth > MaxDepth)
                {
                    throw new InvalidOperationException($"Shape nesting deeper than {MaxDepth} at {path}.");
                }

                var members = new List<KeyValuePair<string, ModelValue>>();
                foreach (var m in s.GetProperty("members").EnumerateObject())
                {
                    members.Add(new(m.Name, Generate(m.Value.GetProperty("shape").GetString()!, path + "." + m.Name, depth + 1, emptyLists)));
                }

                return new StructValue(shape, members);
            default:
                throw new NotSupportedException($"Shape type {type} ({shape}) is not supported by the test generator.");
        }
    }

    // ---------- request side ----------

    /// <summary>The AWS Query form parameters the model implies for a request value (without Action/Version).</summary>
    public static SortedDictionary<string, string> ExpectedForm(StructValue request)
    {
        var form = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Members)
        {
            WriteForm(form, name, value);
        }

        return form;
    }

    private static void WriteForm(SortedDictionary<string, string> form, string prefix, ModelValue value)
    {
        switch (value)
        {
            case ScalarValue scalar:
                form[prefix] = scalar.Wire;
                break;
            case ListValue { Items.Count: 0 }:
                form[prefix] = string.Empty;
                break;
            case ListValue list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    WriteForm(form, $"{prefix}.member.{i + 1}", list.Items[i]);
                }

                break;
            case MapValue map:
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    WriteForm(form, $"{prefix}.entry.{i + 1}.key", map.Entries[i].Key);
                    WriteForm(form, $"{prefix}.entry.{i + 1}.value", map.Entries[i].Value);
                }

                break;
            case StructValue structure:
                foreach (var (name, member) in structure.Members)
                {
                    WriteForm(form, prefix + "." + name, member);
                }

                break;
        }
    }

    /// <summary>Builds the CLR object of <paramref name="type"/> from a value, setting properties by model member name.</summary>
    public static object ToClr(ModelValue value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case ScalarValue { Kind: "enum" } scalar:
                var find = target.GetMethod("FindValue", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
                    ?? throw new InvalidOperationException($"{target} has no FindValue(string).");
                return find.Invoke(null, [scalar.Value])!;
            case ScalarValue scalar:
                return scalar.Value;
            case ListValue list:
                var itemType = target.GetGenericArguments()[0];
                var clrList = (IList)Activator.CreateInstance(target)!;
                foreach (var item in list.Items)
                {
                    clrList.Add(ToClr(item, itemType));
                }

                return clrList;
            case MapValue map:
                var args = target.GetGenericArguments();
                var clrMap = (IDictionary)Activator.CreateInstance(target)!;
                foreach (var (key, item) in map.Entries)
                {
                    clrMap.Add(ToClr(key, args[0]), ToClr(item, args[1]));
                }

                return clrMap;
            case StructValue structure:
                var instance = Activator.CreateInstance(target)!;
                foreach (var (name, member) in structure.Members)
                {
                    var property = target.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                        ?? throw new InvalidOperationException($"{target.Name} has no property for model member {structure.Shape}.{name}.");
                    property.SetValue(instance, ToClr(member, property.PropertyType));
                }

                return instance;
            default:
                throw new NotSupportedException(value.GetType().Name);
        }
    }

    public static Type ModelType(string className) =>
        ClientAssembly.GetType("AlbBuilder.ElasticLoadBalancingV2.Model." + className, throwOnError: true)!;

    // ---------- response side ----------

    /// <summary>The service's XML response for an operation whose result holds <paramref name="result"/>.</summary>
    public static string ResponseXml(string operation, StructValue result, string requestId)
    {
        XNamespace ns = ServiceModel.Instance.XmlNamespace;
        var resultElement = new XElement(ns + ServiceModel.Instance.ResultWrapper(operation));
        foreach (var (name, value) in result.Members)
        {
            resultElement.Add(ToXml(ns, name, value));
        }

        var document = new XElement(ns + operation + "Response",
            resultElement,
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)));
        return document.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement ToXml(XNamespace ns, string name, ModelValue value) => value switch
    {
        ScalarValue scalar => new XElement(ns + name, scalar.Wire),
        ListValue list => new XElement(ns + name, list.Items.Select(i => ToXml(ns, "member", i))),
        MapValue map => new XElement(ns + name, map.Entries.Select(e =>
            new XElement(ns + "entry", ToXml(ns, "key", e.Key), ToXml(ns, "value", e.Value)))),
        StructValue structure => new XElement(ns + name, structure.Members.Select(m => ToXml(ns, m.Key, m.Value))),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    /// <summary>Collects every difference between the expected value and the parsed CLR object.</summary>
    public static List<string> Differences(ModelValue expected, object? actual, string path)
    {
        var problems = new List<string>();
        Compare(expected, actual, path, problems);
        return problems;
    }

    private static void Compare(ModelValue expected, object? actual, string path, List<string> problems)
    {
        if (actual is null)
        {
            problems.Add($"{path}: is null");
            return;
        }

        switch (expected)
        {
            case ScalarValue { Kind: "enum" } scalar:
                if (actual is not ConstantClass constant || constant.Value != (string)scalar.Value)
                {
                    problems.Add($"{path}: expected enum {scalar.Value}, got {actual}");
                }

                break;
            case ScalarValue { Kind: "timestamp" } scalar:
                if (actual is not DateTime time || time.ToUniversalTime() != (DateTime)scalar.Value)
                {
                    problems.Add($"{path}: expected {scalar.Wire}, got {actual}");
                }

                break;
            case ScalarValue scalar:
                if (!Equals(actual, scalar.Value))
                {
                    problems.Add($"{path}: expected {scalar.Value}, got {actual}");
                }

                break;
            case ListValue list:
                if (actual is not IList clrList || clrList.Count != list.Items.Count)
                {
                    problems.Add($"{path}: expected a list of {list.Items.Count}, got {actual}");
                    return;
                }

                for (var i = 0; i < list.Items.Count; i++)
                {
                    Compare(list.Items[i], clrList[i], $"{path}[{i}]", problems);
                }

                break;
            case MapValue map:
                if (actual is not IDictionary clrMap || clrMap.Count != map.Entries.Count)
                {
                    problems.Add($"{path}: expected a map of {map.Entries.Count}, got {actual}");
                    return;
                }

                foreach (var (key, value) in map.Entries)
                {
                    Compare(value, clrMap[key.Value], $"{path}{{{key.Value}}}", problems);
                }

                break;
            case StructValue structure:
                foreach (var (name, member) in structure.Members)
                {
                    var property = actual.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
                    if (property is null)
                    {
                        problems.Add($"{path}.{name}: no such property on {actual.GetType().Name}");
                        continue;
                    }

                    Compare(member, property.GetValue(actual), $"{path}.{name}", problems);
                }

                break;
        }
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash & 0x7fffffff;
        }
    }

    public static JsonElement ShapeOf(string shape) => ServiceModel.Instance.Shape(shape);
}
