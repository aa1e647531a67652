namespace AlbBuilder.Docs.Tests;

/// <summary>A package README is read on nuget.org or in an IDE, without the repository: it must not send readers there.</summary>
public sealed class PackageReadmeTests
{
    [Theory]
    [InlineData("docs/package-readme.md")]
    [InlineData("docs/package-readme-localcloud.md")]
    [InlineData("docs/package-readme-localcloud-server.md")]
    public void PackageReadme_PointsToNoRepositoryFolder_WhileThePackageNamesNoRepository(string file)
    {
        var readme = RepositoryFiles.Read(file);
        var props = RepositoryFiles.Read("Directory.Build.props");
        if (props.Contains("<RepositoryUrl>", StringComparison.Ordinal) || props.Contains("<PackageProjectUrl>", StringComparison.Ordinal))
        {
            return; // a URL readers can follow exists; pointers into it are then fine
        }

        Assert.DoesNotContain("source repository", readme, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("docs/", readme, StringComparison.Ordinal);
    }
}
