using System.Text;

namespace AlbBuilder;

/// <summary>Ready-made user data scripts for a lab's instances. The lab base64-encodes user data when it launches them.</summary>
public static class UserData
{
    /// <summary>EC2's limit on user data: 16 KB, counted in UTF-8 bytes before base64 encoding.</summary>
    public const int MaxBytes = 16 * 1024;

    // One command per line; `systemctl enable` because user data runs only on first boot and the page must
    // survive a stop/start (the failover drill does exactly that).
    private const string HelloHttpdScript =
        "#!/bin/bash\n" +
        "yum update -y\n" +
        "yum install -y httpd\n" +
        "systemctl start httpd\n" +
        "systemctl enable httpd\n" +
        "echo \"<h1>Hello World from $(hostname -f)</h1>\" > /var/www/html/index.html\n";

    /// <summary>
    /// Installs and enables Apache httpd and serves <c>&lt;h1&gt;Hello World from &lt;host name&gt;&lt;/h1&gt;</c>,
    /// so each response names the instance that served it. The default user data of every lab.
    /// </summary>
    /// <returns>The bash script, one command per line, ending with a newline.</returns>
    public static string HelloHttpd() => HelloHttpdScript;

    /// <summary>Reads a user data script from a UTF-8 text file, turning Windows line endings into Unix ones.</summary>
    /// <remarks>A script saved with CRLF fails on Linux (<c>/bin/bash^M: bad interpreter</c>), hence the conversion.</remarks>
    /// <param name="path">The script's path.</param>
    /// <returns>The script's text.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file can't be read (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static string FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
    }
}
