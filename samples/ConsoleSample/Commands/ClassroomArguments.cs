using System.CommandLine;
using System.Text.RegularExpressions;
using AlbBuilder.Classroom;

namespace AlbBuilder.Sample.Commands;

/// <summary>
/// What <c>classroom</c> was asked for: the class's name, its learners (<c>--labs K</c> or <c>--learners file</c>) and
/// whether to keep it — with every problem found, so that one usage message lists them all before any cloud is touched.
/// </summary>
internal sealed partial class ClassroomArguments
{
    /// <summary>The learners <c>--labs K</c> gives: learner-01, learner-02… (a .NET composite format, numbered from 1).</summary>
    public const string LearnerPattern = "learner-{0:00}";

    /// <summary>How many labs without <c>--labs</c> or <c>--learners</c>.</summary>
    public const int DefaultLabs = 3;

    /// <summary>At most this many labs: enough to meet AWS's 50 load balancers per region (the quota pre-flight says so).</summary>
    public const int MaxLabs = 100;

    private readonly List<string> _problems = [];

    private ClassroomArguments(string className, bool generatedName, IReadOnlyList<string>? learners, int labs, bool keep)
    {
        ClassName = className;
        GeneratedName = generatedName;
        Learners = learners;
        Labs = labs;
        Keep = keep;
    }

    public string ClassName { get; }

    /// <summary>Whether the name was made up (no <c>--name</c>).</summary>
    public bool GeneratedName { get; }

    /// <summary>The learners of <c>--learners</c>, or null for <see cref="Labs"/> learners from <see cref="LearnerPattern"/>.</summary>
    public IReadOnlyList<string>? Learners { get; }

    public int Labs { get; }

    public bool Keep { get; }

    /// <summary>How many labs the class has (for the cost estimate).</summary>
    public int LabCount => Learners?.Count ?? Labs;

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Reads the options and the learners' file, and validates the class as the library would (no cloud, no AWS call).</summary>
    public static async Task<ClassroomArguments> ReadAsync(ParseResult result, Option<string> name, Option<int?> labs, Option<FileInfo?> learnersFile, Option<bool> keep, LabSettings lab)
    {
        var explicitName = result.GetResult(name) is { Implicit: false } ? result.GetValue(name) : null;
        var className = explicitName ?? "class-" + Guid.NewGuid().ToString("N")[..6];
        var count = result.GetValue(labs);
        var file = result.GetValue(learnersFile);
        var problems = new List<string>();
        if (count is < 1 or > MaxLabs)
        {
            problems.Add($"--labs must be 1–{MaxLabs} (it is {count}).");
        }

        if (count is not null && file is not null)
        {
            problems.Add("--labs and --learners exclude each other: give the number of labs or the learners' names.");
        }

        IReadOnlyList<string>? learners = null;
        if (file is not null)
        {
            learners = ReadLearners(file, problems);
        }

        var arguments = new ClassroomArguments(className, explicitName is null, learners, count ?? DefaultLabs, result.GetValue(keep));
        arguments._problems.AddRange(problems);
        await arguments.ValidateAsync(lab);
        return arguments;
    }

    /// <summary>The class on <paramref name="template"/>'s cloud: its name, its learners, and the template of every lab.</summary>
    public AlbClassroomBuilder Describe(AlbLabBuilder template)
    {
        var builder = AlbClassroom.Create(template).WithName(ClassName);
        return Learners is null ? builder.ForLearners(LearnerPattern, Labs) : builder.ForLearners(Learners);
    }

    /// <summary>One line per learner; blank lines and lines starting with <c>#</c> are skipped.</summary>
    private static List<string>? ReadLearners(FileInfo file, List<string> problems)
    {
        if (!file.Exists)
        {
            problems.Add($"--learners: the file '{file.FullName}' does not exist.");
            return null;
        }

        try
        {
            return [.. File.ReadAllLines(file.FullName)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"--learners: the file '{file.FullName}' could not be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>The library's own validation of the class and its learners (duplicates, names, lengths), collected with ours.</summary>
    private async Task ValidateAsync(LabSettings lab)
    {
        // Without readable learners (a bad --labs, a missing file) one placeholder still checks the class's name.
        var learnersKnown = Learners is not null || (Labs is >= 1 and <= MaxLabs && _problems.Count == 0);
        var builder = learnersKnown
            ? Describe(LabSession.Describe(ClassName, lab))
            : AlbClassroom.Create(LabSession.Describe(ClassName, lab)).WithName(ClassName).ForLearners(["learner"]);
        try
        {
            // Build() touches no cloud; the classroom is disposed unstarted, which does nothing.
            await builder.Build().DisposeAsync();
        }
        catch (ClassroomValidationException ex)
        {
            _problems.AddRange(ex.Problems
                .Where(p => learnersKnown || !p.Field.StartsWith("ForLearners", StringComparison.Ordinal))
                .Select(p => $"{Rename(p.Field)} = {p.Value}: {p.Fix}"));
        }
    }

    /// <summary>The library's field names, in the command's words.</summary>
    private string Rename(string field) => field switch
    {
        "WithName" => "--name",
        _ when field.StartsWith("ForLearners", StringComparison.Ordinal) => (Learners is null ? "--labs" : "--learners") + LearnersOverload().Replace(field["ForLearners".Length..], string.Empty, 1),
        _ => field,
    };

    /// <summary>The overload in the library's field name, e.g. <c>(pattern, count)</c>.</summary>
    [GeneratedRegex(@"^\([^)]*\)")]
    private static partial Regex LearnersOverload();
}
