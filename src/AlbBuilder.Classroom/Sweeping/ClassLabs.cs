using AlbBuilder.Classroom.Throttling;

namespace AlbBuilder.Classroom.Sweeping;

/// <summary>A lab of the class, as its tags tell it.</summary>
/// <param name="LabName">The lab's name (<see cref="LabTags.Lab"/>).</param>
/// <param name="Learner">The learner (<see cref="ClassroomTags.Learner"/>), or the lab's name when no resource says.</param>
/// <param name="ClassName">The class.</param>
/// <param name="Foreign">Resources of the lab without the class tag (their ids); the lab is then not swept.</param>
internal sealed record ClassLab(string LabName, string Learner, string ClassName, IReadOnlyList<string> Foreign);

/// <summary>Finds a class's labs: labs with at least one resource tagged with the class, by AlbBuilder's directory of owned resources.</summary>
internal static class ClassLabs
{
    public static async Task<IReadOnlyList<ClassLab>> FindAsync(ClassroomClients clients, string className, CancellationToken cancellationToken)
    {
        var resources = await AlbLabDirectory.ListOwnedResourcesAsync(clients.Ec2, clients.ElasticLoadBalancing, cancellationToken).ConfigureAwait(false);
        return [.. resources
            .GroupBy(r => r.Tag(LabTags.Lab)!, StringComparer.Ordinal)
            .Where(lab => lab.Any(r => IsOfClass(r.Tag, className)))
            .OrderBy(lab => lab.Key, StringComparer.Ordinal)
            .Select(lab => new ClassLab(
                lab.Key,
                lab.Select(r => r.Tag(ClassroomTags.Learner)).FirstOrDefault(l => !string.IsNullOrEmpty(l)) ?? lab.Key,
                className,
                [.. lab.Where(r => !IsOfClass(r.Tag, className)).Select(r => r.Id)]))];
    }

    private static bool IsOfClass(Func<string, string?> tag, string className) =>
        string.Equals(tag(ClassroomTags.Class), className, StringComparison.Ordinal);
}
