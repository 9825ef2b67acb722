using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ActGen.Generator.Ir;

/// <summary>
/// A compact S-expression form of let-free IR, so an activation compiled into one assembly can be composed into
/// activations of another: <c>(b Mul r:x (u Sigmoid r:x))</c>; a call of another activation is <c>(a key args…)</c>.
/// </summary>
internal static class ExprCodec
{
    public static string Encode(Expr e) => Write(new StringBuilder(), e).ToString();

    public static Expr Decode(string text)
    {
        var tokens = Tokenize(text);
        var position = 0;
        var result = Read(tokens, ref position);
        return position == tokens.Count ? result : throw new FormatException($"Unexpected '{tokens[position]}' after the expression.");
    }

    private static StringBuilder Write(StringBuilder b, Expr e) => e switch
    {
        Num n => b.Append("n:").Append(n.Value.ToString("R", CultureInfo.InvariantCulture)),
        Ref r => b.Append("r:").Append(r.Name),
        Unary u => Node(b, "u", u.Op.ToString(), u.Arg),
        Binary x => Node(b, "b", x.Op.ToString(), x.Left, x.Right),
        Compare c => Node(b, "c", c.Op.ToString(), c.Left, c.Right),
        Logic l => Node(b, "l", l.Op.ToString(), l.Left, l.Right),
        Not n => Node(b, "!", "_", n.Operand),
        If i => Node(b, "?", "_", i.Condition, i.Then, i.Else),
        Apply a => Node(b, "a", a.Target, [.. a.Args]),
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot be encoded: inline lets first."),
    };

    private static StringBuilder Node(StringBuilder b, string kind, string op, params Expr[] children)
    {
        b.Append('(').Append(kind).Append(' ').Append(op);
        foreach (var child in children)
        {
            Write(b.Append(' '), child);
        }

        return b.Append(')');
    }

    private static List<string> Tokenize(string text) =>
        text.Replace("(", " ( ").Replace(")", " ) ").Split([' '], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static Expr Read(IReadOnlyList<string> tokens, ref int position)
    {
        var token = tokens[position++];
        if (token.StartsWith("n:", StringComparison.Ordinal))
        {
            return new Num(double.Parse(token.Substring(2), NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (token.StartsWith("r:", StringComparison.Ordinal))
        {
            return new Ref(token.Substring(2));
        }

        if (token != "(")
        {
            throw new FormatException($"Unexpected '{token}'.");
        }

        var (kind, op) = (tokens[position++], tokens[position++]);
        var children = new List<Expr>();
        while (tokens[position] != ")")
        {
            children.Add(Read(tokens, ref position));
        }

        position++;
        return (kind, children.Count) switch
        {
            ("u", 1) => new Unary(Parse<UnaryOp>(op), children[0]),
            ("b", 2) => new Binary(Parse<BinaryOp>(op), children[0], children[1]),
            ("c", 2) => new Compare(Parse<CompareOp>(op), children[0], children[1]),
            ("l", 2) => new Logic(Parse<LogicOp>(op), children[0], children[1]),
            ("!", 1) => new Not(children[0]),
            ("?", 3) => new If(children[0], children[1], children[2]),
            ("a", > 0) => new Apply(op, children.ToEquatableArray()),
            _ => throw new FormatException($"Unknown node '{kind}' with {children.Count} children."),
        };
    }

    private static T Parse<T>(string name)
        where T : struct =>
        Enum.TryParse<T>(name, out var value) ? value : throw new FormatException($"Unknown {typeof(T).Name} '{name}'.");
}
