namespace AlbBuilder.Tests.Building;

public sealed class UserDataTests
{
    [Fact]
    public void HelloHttpd_IsTheSeedScript_OneCommandPerLine()
    {
        const string expected = """
            #!/bin/bash
            yum update -y
            yum install -y httpd
            systemctl start httpd
            systemctl enable httpd
            echo "<h1>Hello World from $(hostname -f)</h1>" > /var/www/html/index.html

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), UserData.HelloHttpd());
        Assert.DoesNotContain('\r', UserData.HelloHttpd());
    }

    [Fact]
    public void MaxBytes_Is16KiB() => Assert.Equal(16384, UserData.MaxBytes);

    [Fact]
    public void Build_UserDataOverTheLimitInUtf8Bytes_IsRejectedThoughShortInCharacters()
    {
        // 8193 'é' are 8193 characters but 16386 UTF-8 bytes: the limit counts bytes.
        var script = new string('é', 8193);

        var exception = Assert.Throws<AlbLabValidationException>(() => AlbLab.Create("demo").WithUserData(script).Build());

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("WithUserData", problem.Field);
        Assert.Equal("16386 bytes", problem.Value);
    }

    [Fact]
    public void Build_UserDataOfExactly16384Utf8Bytes_IsAccepted()
    {
        var script = new string('é', 8192);

        var definition = AlbLab.Create("demo").WithUserData(script).BuildDefinition();

        Assert.Equal(script, definition.UserData);
    }

    [Fact]
    public void Build_UserDataTooLarge_NeverShowsItsContent()
    {
        var script = "#!/bin/bash\nexport DB_PASSWORD=hunter2\n" + new string('#', UserData.MaxBytes);

        var exception = Assert.Throws<AlbLabValidationException>(() => AlbLab.Create("demo").WithUserData(script).Build());

        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("#!/bin/bash", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_ReadsTheScript_WithUnixLineEndings()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "#!/bin/bash\r\necho \"héllo\"\r\n");

            var script = UserData.FromFile(path);

            Assert.Equal("#!/bin/bash\necho \"héllo\"\n", script);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_MissingFile_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".sh");

        Assert.Throws<FileNotFoundException>(() => UserData.FromFile(path));
    }
}
