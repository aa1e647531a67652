namespace AlbBuilder.Sample.Tests.Classroom;

/// <summary>A learners' file in a temporary folder, deleted with the object.</summary>
internal sealed class LearnersFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("albbuilder-learners-").FullName;

    public LearnersFile(params string[] lines)
    {
        Path = System.IO.Path.Combine(_folder, "learners.txt");
        File.WriteAllLines(Path, lines);
    }

    public string Path { get; }

    /// <summary>A path in the same folder where no file is.</summary>
    public string Missing => System.IO.Path.Combine(_folder, "no-such-file.txt");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
