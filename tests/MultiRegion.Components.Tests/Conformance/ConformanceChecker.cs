using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Tests.Conformance;

/// <summary>Checks a stack's resources and function calls against the providers' npm SDKs.</summary>
public static class ConformanceChecker
{
    public static IEnumerable<string> Violations(StackDefinition stack, IReadOnlyDictionary<string, ProviderSchema> schemas)
    {
        foreach (var resource in stack.Resources.Where(r => r.Type != "pulumi:pulumi:StackReference"))
        {
            if (!schemas.TryGetValue(resource.Package, out var schema))
            {
                yield return $"{stack.Name}/{resource.Name}: no SDK schema for package '{resource.Package}' (add it to tests/provider-sdks.txt)";
                continue;
            }

            if (!schema.Resources.TryGetValue(resource.Type, out var type))
            {
                yield return $"{stack.Name}/{resource.Name}: type token '{resource.Type}' does not exist in @pulumi/{schema.Package}";
                continue;
            }

            var properties = resource.Properties.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var property in properties.Where(p => !type.Inputs.Contains(p)))
            {
                yield return $"{stack.Name}/{resource.Name}: '{property}' is not an input of {resource.Type}";
            }

            foreach (var required in type.Required.Where(r => !properties.Contains(r)))
            {
                yield return $"{stack.Name}/{resource.Name}: required input '{required}' of {resource.Type} is not set";
            }
        }

        foreach (var invoke in Invokes(stack))
        {
            var package = invoke.Function.Split(':')[0];
            if (!schemas.TryGetValue(package, out var schema) || !schema.Functions.TryGetValue(invoke.Function, out var function))
            {
                yield return $"{stack.Name}: function '{invoke.Function}' does not exist in @pulumi/{package}";
                continue;
            }

            foreach (var argument in invoke.Arguments.Entries.Select(e => e.Key).Where(a => !function.Inputs.Contains(a)))
            {
                yield return $"{stack.Name}: '{argument}' is not an argument of {invoke.Function}";
            }
        }
    }

    private static IEnumerable<InvokeValue> Invokes(StackDefinition stack) =>
        stack.Variables.Select(v => v.Value)
            .Concat(stack.Resources.Select(r => (Value)r.Properties))
            .Concat(stack.Outputs.Values)
            .SelectMany(Walk)
            .OfType<InvokeValue>();

    private static IEnumerable<Value> Walk(Value value)
    {
        yield return value;
        IEnumerable<Value> children = value switch
        {
            ListValue l => l.Items,
            MapValue m => m.Entries.Select(e => e.Value),
            SecretValue s => [s.Inner],
            ToJsonValue j => [j.Inner],
            SelectValue s => [s.Source],
            InterpolatedValue i => i.Parts,
            InvokeValue i => [i.Arguments],
            _ => [],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }
    }
}
