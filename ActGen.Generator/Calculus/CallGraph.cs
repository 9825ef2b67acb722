using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>Which activations an activation calls, transitively: the edges of composition, as lowering's input.</summary>
internal static class CallGraph
{
    public static LoweringInput InputFor(ActivationModel model, ImmutableArray<ActivationModel> all)
    {
        var byKey = all.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        var seen = new SortedDictionary<string, ActivationModel>(System.StringComparer.Ordinal);
        var pending = new Stack<ActivationModel>([model]);
        while (pending.Count > 0)
        {
            foreach (var target in Targets(pending.Pop().Body))
            {
                if (target != model.Key && !seen.ContainsKey(target) && byKey.TryGetValue(target, out var callee))
                {
                    seen.Add(target, callee);
                    pending.Push(callee);
                }
            }
        }

        return new LoweringInput(model, seen.Values.ToEquatableArray());
    }

    private static IEnumerable<string> Targets(Expr body) => Traversal.Nodes(body).OfType<Apply>().Select(a => a.Target).Distinct();
}
