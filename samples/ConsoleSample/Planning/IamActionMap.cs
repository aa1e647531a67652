using Amazon.EC2.Model;
using ElbModel = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Sample.Planning;

/// <summary>
/// Maps recorded calls to IAM actions. EC2 and ELBv2 name their IAM actions after their API operations; a few calls
/// need more than their own action, depending on what they carry: tags at creation (EC2 checks <c>ec2:CreateTags</c>,
/// ELBv2 checks <c>elasticloadbalancing:AddTags</c>), a <c>resolve:ssm:</c> image (EC2 reads the parameter with the
/// caller's <c>ssm:GetParameters</c>), an instance profile (<c>iam:PassRole</c>), and the first load balancer in an
/// account (ELBv2 creates its service-linked role). Tags on a new security-group rule (AuthorizeSecurityGroupIngress with
/// <c>TagSpecifications</c>) need <c>ec2:CreateTags</c> like any EC2 tag-on-create. ARNs are in the region's partition.
/// </summary>
internal static class IamActionMap
{
    private const string ResolveSsm = "resolve:ssm:";

    /// <param name="operations">The recorded calls.</param>
    /// <param name="partition">The ARN partition of the region the policy is for (<see cref="IamPartition.Of"/>).</param>
    public static IReadOnlyList<IamPermission> Map(IEnumerable<RecordedOperation> operations, string partition = IamPartition.Commercial)
    {
        var permissions = new SortedDictionary<(string Action, string Resource), SortedSet<string>>();

        void Need(string action, string reason, string resource = "*")
        {
            if (!permissions.TryGetValue((action, resource), out var reasons))
            {
                permissions[(action, resource)] = reasons = new SortedSet<string>(StringComparer.Ordinal);
            }

            reasons.Add(reason);
        }

        foreach (var call in operations)
        {
            Need($"{call.Service}:{call.Operation}", call.Operation);
            switch (call.Request)
            {
                case RunInstancesRequest run:
                    if (run.TagSpecifications is { Count: > 0 })
                    {
                        Need("ec2:CreateTags", $"{call.Operation} (TagSpecifications)");
                    }

                    if (run.ImageId is { } image && image.StartsWith(ResolveSsm, StringComparison.Ordinal))
                    {
                        var parameter = image[ResolveSsm.Length..].Split(':')[0];
                        Need("ssm:GetParameters", $"{call.Operation} (ImageId {image})", $"arn:{partition}:ssm:*::parameter{parameter}");
                    }

                    if (run.IamInstanceProfile is not null)
                    {
                        Need("iam:PassRole", $"{call.Operation} (IamInstanceProfile)");
                    }

                    break;
                case CreateSecurityGroupRequest { TagSpecifications.Count: > 0 }:
                case AuthorizeSecurityGroupIngressRequest { TagSpecifications.Count: > 0 }:
                    Need("ec2:CreateTags", $"{call.Operation} (TagSpecifications)");
                    break;
                case ElbModel.CreateLoadBalancerRequest create:
                    if (create.Tags is { Count: > 0 })
                    {
                        Need("elasticloadbalancing:AddTags", $"{call.Operation} (Tags)");
                    }

                    Need("iam:CreateServiceLinkedRole", $"{call.Operation} (the first load balancer in an account creates AWSServiceRoleForElasticLoadBalancing)");
                    break;
                case ElbModel.CreateTargetGroupRequest { Tags.Count: > 0 }:
                case ElbModel.CreateListenerRequest { Tags.Count: > 0 }:
                    Need("elasticloadbalancing:AddTags", $"{call.Operation} (Tags)");
                    break;
            }
        }

        return [.. permissions.Select(p => new IamPermission(p.Key.Action, [.. p.Value], p.Key.Resource))];
    }
}
