namespace AlbBuilder.LocalCloud;

/// <summary>
/// An emulated instance whose web server <see cref="LocalCloudOptions.ConfigureInstance"/> sets up: LocalCloud does
/// not run user data, so a test gives each instance its behaviour from this instead.
/// </summary>
/// <param name="InstanceId">The instance's id, for example <c>i-0abc…</c>.</param>
/// <param name="PrivateDnsName">Its private DNS name (what the seed page greets with).</param>
/// <param name="UserData">Its user data as launched (decoded from base64), or empty; never run, only passed on.</param>
public sealed record LocalInstanceInfo(string InstanceId, string PrivateDnsName, string UserData);
