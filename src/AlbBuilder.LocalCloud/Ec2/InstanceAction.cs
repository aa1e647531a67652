namespace AlbBuilder.LocalCloud.Ec2;

internal enum InstanceAction
{
    Stop,
    Start,
    Terminate,
}
