using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Identity;

/// <summary>
/// IAM policy documents as graph values: a structure rendered with <c>fn::toJSON</c>, so ARNs of other resources
/// (and stack outputs) can be used inside a policy without string concatenation in C#.
/// </summary>
public static class IamPolicyDocument
{
    /// <summary>A policy document (<c>Version 2012-10-17</c>) of the given statements, as a JSON string value.</summary>
    public static Value Of(params Value[] statements) => Value.Json(Value.Map(
        ("Version", "2012-10-17"),
        ("Statement", Value.List(statements))));

    /// <summary>An Allow statement.</summary>
    public static Value Allow(string sid, IEnumerable<string> actions, Value resources, Value? condition = null) =>
        Statement(sid, "Allow", actions, resources, null, condition);

    /// <summary>A Deny statement for every principal (resource policies).</summary>
    public static Value DenyAll(string sid, IEnumerable<string> actions, Value resources, Value condition) =>
        Statement(sid, "Deny", actions, resources, "*", condition);

    /// <summary>A trust policy letting an AWS service (<c>ec2.amazonaws.com</c>…) assume the role.</summary>
    public static Value TrustService(string service) => Of(Value.Map(
        ("Sid", "TrustService"),
        ("Effect", "Allow"),
        ("Principal", Value.Map(("Service", service))),
        ("Action", "sts:AssumeRole")));

    /// <summary>A statement with an explicit principal (key and bucket policies).</summary>
    public static Value Statement(string sid, string effect, IEnumerable<string> actions, Value resources, Value? principal, Value? condition = null) => Value.Map(
        ("Sid", sid),
        ("Effect", effect),
        ("Principal", principal),
        ("Action", Value.List(actions)),
        ("Resource", resources),
        ("Condition", condition));
}
