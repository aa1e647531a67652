using Amazon.Runtime;

namespace AlbBuilder.Sample.Planning;

/// <summary>One AWS call the lab made, as the SDK saw it before marshalling.</summary>
/// <param name="Phase">The sample step that made it (<c>up</c>, <c>status</c>…).</param>
/// <param name="Service">The IAM service prefix (<c>ec2</c>, <c>elasticloadbalancing</c>).</param>
/// <param name="Operation">The API operation (<c>RunInstances</c>).</param>
/// <param name="Request">The request object, to see what the call carried (tags, image).</param>
internal sealed record RecordedOperation(string Phase, string Service, string Operation, AmazonWebServiceRequest Request);
