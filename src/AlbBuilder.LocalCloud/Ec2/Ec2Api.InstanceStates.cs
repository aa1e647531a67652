using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>StopInstances, StartInstances and TerminateInstances: one state change each, run by the instance life cycle.</summary>
internal sealed partial class Ec2Api
{
    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> StopInstances(QueryParameters p) => ChangeInstances(p, InstanceAction.Stop);

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> StartInstances(QueryParameters p) => ChangeInstances(p, InstanceAction.Start);

    [AwsAction(ChangesDataPlane = true)]
    private IEnumerable<object?> TerminateInstances(QueryParameters p) => ChangeInstances(p, InstanceAction.Terminate);

    private IEnumerable<object?> ChangeInstances(QueryParameters p, InstanceAction action)
    {
        var ids = p.GetList("InstanceId");
        if (ids.Count == 0)
        {
            throw Ec2Errors.MissingParameter("InstanceId");
        }

        var instances = FindInstances(ids);

        // Validate every instance first: AWS changes all or none.
        foreach (var instance in instances)
        {
            var allowed = action switch
            {
                InstanceAction.Stop => instance.State is InstanceState.Running or InstanceState.Stopping or InstanceState.Stopped,
                InstanceAction.Start => instance.State is InstanceState.Stopped or InstanceState.Pending or InstanceState.Running,
                _ => true,
            };
            if (!allowed)
            {
                throw Ec2Errors.IncorrectInstanceState(instance.Id, action == InstanceAction.Stop ? "stopped" : "started");
            }
        }

        var changes = new List<(string Id, InstanceState Previous, InstanceState Current)>();
        foreach (var instance in instances)
        {
            var previous = instance.State;
            switch (action)
            {
                case InstanceAction.Stop when previous == InstanceState.Running:
                    _lifeCycle.Halt(instance, terminate: false);
                    break;
                case InstanceAction.Start when previous == InstanceState.Stopped:
                    if (instance.PublicIp is not null)
                    {
                        // As on AWS, an auto-assigned public address does not survive a stop.
                        instance.PublicIp = _state.AllocatePublicIp();
                        instance.PublicDnsName = PublicDnsName(instance.PublicIp);
                    }

                    instance.LaunchTime = _state.Now;
                    instance.StateReason = null;
                    instance.StateTransitionReason = string.Empty;
                    _lifeCycle.Boot(instance);
                    break;
                case InstanceAction.Terminate when previous is not (InstanceState.Terminated or InstanceState.ShuttingDown):
                    _lifeCycle.Halt(instance, terminate: true);
                    break;
                default:
                    break;
            }

            changes.Add((instance.Id, previous, instance.State));
        }

        yield return Xml.Items("instancesSet", changes, c =>
        [
            Xml.E("instanceId", c.Id),
            Xml.E("currentState", Xml.E("code", Xml.Format((int)c.Current)), Xml.E("name", c.Current.Name())),
            Xml.E("previousState", Xml.E("code", Xml.Format((int)c.Previous)), Xml.E("name", c.Previous.Name())),
        ]);
    }
}
