using System.Globalization;
using System.Text;
using MultiRegion.Components.Graph;
using YamlDotNet.Core.Events;
using Scalar = MultiRegion.Components.Graph.Scalar;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Components.Emit;

/// <summary>
/// Writes a stack's construct tree as a Pulumi YAML program. Output depends only on the graph: resources in
/// declaration order, property and output keys in ordinal order, invariant culture, LF line endings.
/// </summary>
public static class PulumiYamlEmitter
{
    public static string Emit(StackDefinition stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var program = new YamlMappingNode
        {
            { "description", YamlScalars.String(stack.Description) },
        };

        if (stack.Variables.Count > 0)
        {
            var variables = new YamlMappingNode();
            foreach (var variable in stack.Variables)
            {
                variables.Add(variable.Name, Node(variable.Value));
            }

            program.Add("variables", variables);
        }

        var resources = new YamlMappingNode();
        foreach (var resource in stack.Resources)
        {
            resources.Add(resource.Name, ResourceNode(resource));
        }

        program.Add("resources", resources);
        if (stack.Outputs.Count > 0)
        {
            var outputs = new YamlMappingNode();
            foreach (var (name, value) in stack.Outputs)
            {
                outputs.Add(name, Node(value));
            }

            program.Add("outputs", outputs);
        }

        return Serialize(program);
    }

    private static YamlMappingNode ResourceNode(Resource resource)
    {
        var node = new YamlMappingNode { { "type", YamlScalars.String(resource.Type) } };
        if (resource.Properties.Entries.Count > 0)
        {
            node.Add("properties", Node(resource.Properties));
        }

        var options = OptionsNode(resource.Options);
        if (options.Children.Count > 0)
        {
            node.Add("options", options);
        }

        return node;
    }

    private static YamlMappingNode OptionsNode(ResourceOptions options)
    {
        var node = new YamlMappingNode();
        if (options.Provider is not null)
        {
            node.Add("provider", YamlScalars.String($"${{{options.Provider.Name}}}"));
        }

        if (options.DependsOn.Count > 0)
        {
            node.Add("dependsOn", new YamlSequenceNode(options.DependsOn.Select(d => (YamlNode)YamlScalars.String($"${{{d.Name}}}"))));
        }

        if (options.Protect)
        {
            node.Add("protect", new YamlScalarNode("true"));
        }

        if (options.IgnoreChanges.Count > 0)
        {
            node.Add("ignoreChanges", new YamlSequenceNode(options.IgnoreChanges.Select(p => (YamlNode)YamlScalars.String(p))));
        }

        if (options.RetainOnDelete)
        {
            node.Add("retainOnDelete", new YamlScalarNode("true"));
        }

        if (options.DeleteBeforeReplace)
        {
            node.Add("deleteBeforeReplace", new YamlScalarNode("true"));
        }

        if (options.CustomTimeouts is { } timeouts)
        {
            var t = new YamlMappingNode();
            foreach (var (key, value) in new[] { ("create", timeouts.Create), ("update", timeouts.Update), ("delete", timeouts.Delete) })
            {
                if (value is not null)
                {
                    t.Add(key, YamlScalars.String(value));
                }
            }

            node.Add("customTimeouts", t);
        }

        if (options.AdditionalSecretOutputs.Count > 0)
        {
            node.Add("additionalSecretOutputs", new YamlSequenceNode(options.AdditionalSecretOutputs.Select(p => (YamlNode)YamlScalars.String(p))));
        }

        return node;
    }

    private static YamlNode Node(Value value) => value switch
    {
        Scalar s => YamlScalars.Literal(s.Literal),
        ListValue l => l.Items.Count == 0
            ? new YamlSequenceNode { Style = SequenceStyle.Flow }
            : new YamlSequenceNode(l.Items.Select(Node)),
        MapValue m => MapNode(m),
        SecretValue s => new YamlMappingNode { { "fn::secret", Node(s.Inner) } },
        ToJsonValue j => new YamlMappingNode { { "fn::toJSON", Node(j.Inner) } },
        SelectValue s => new YamlMappingNode { { "fn::select", new YamlSequenceNode(YamlScalars.Literal(s.Index), Node(s.Source)) } },
        InvokeValue i => InvokeNode(i),
        _ => YamlScalars.String(Interpolate(value)),
    };

    private static YamlMappingNode MapNode(MapValue map)
    {
        var node = new YamlMappingNode();
        if (map.Entries.Count == 0)
        {
            node.Style = MappingStyle.Flow;
        }

        foreach (var (key, value) in map.Entries)
        {
            node.Add(YamlScalars.String(key), Node(value));
        }

        return node;
    }

    private static YamlMappingNode InvokeNode(InvokeValue invoke)
    {
        var body = new YamlMappingNode
        {
            { "function", YamlScalars.String(invoke.Function) },
            { "arguments", MapNode(invoke.Arguments) },
        };
        if (invoke.Provider is not null)
        {
            body.Add("options", new YamlMappingNode { { "provider", YamlScalars.String($"${{{invoke.Provider.Name}}}") } });
        }

        if (invoke.Return is not null)
        {
            body.Add("return", YamlScalars.String(invoke.Return));
        }

        return new YamlMappingNode { { "fn::invoke", body } };
    }

    /// <summary>The string form of an expression: <c>${name.path}</c>, <c>${ref.outputs["key"]}</c>, or a mix with literal text.</summary>
    private static string Interpolate(Value value) => value switch
    {
        OutputValue o => $"${{{o.Resource.Name}.{o.Path}}}",
        StackOutputValue s => $"${{{s.Reference.Resource.Name}.outputs[\"{s.OutputName}\"]}}",
        PulumiContextValue p => $"${{pulumi.{p.Property}}}",
        VariableValue v => v.Path is null ? $"${{{v.Variable.Name}}}" : v.Path.StartsWith('[') ? $"${{{v.Variable.Name}{v.Path}}}" : $"${{{v.Variable.Name}.{v.Path}}}",
        Scalar { Literal: string text } => YamlScalars.EscapeInterpolation(text),
        Scalar s => Convert.ToString(s.Literal, CultureInfo.InvariantCulture) ?? string.Empty,
        InterpolatedValue i => string.Concat(i.Parts.Select(Interpolate)),
        _ => throw new ArgumentException($"{value.GetType().Name} cannot be part of an interpolated string", nameof(value)),
    };

    private static string Serialize(YamlMappingNode program)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture) { NewLine = "\n" })
        {
            new YamlStream(new YamlDocument(program)).Save(writer, assignAnchors: false);
        }

        // YamlStream ends every document with an explicit "..." marker; a program is one document, so drop it.
        var text = builder.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
