namespace ActGen.Generator.Ir;

/// <summary>The immutable expression IR every pass works on. Records give structural equality.</summary>
internal abstract record Expr;

/// <summary>A numeric constant.</summary>
internal sealed record Num(double Value) : Expr;

/// <summary>A name: the input, a parameter or a let-bound local.</summary>
internal sealed record Ref(string Name) : Expr;

/// <summary>A one-argument primitive: negation or an elementary function.</summary>
internal sealed record Unary(UnaryOp Op, Expr Arg) : Expr;

/// <summary>A two-argument primitive: arithmetic, power, max, min.</summary>
internal sealed record Binary(BinaryOp Op, Expr Left, Expr Right) : Expr;

/// <summary>A comparison (a boolean).</summary>
internal sealed record Compare(CompareOp Op, Expr Left, Expr Right) : Expr;

/// <summary><c>&amp;&amp;</c> or <c>||</c> over booleans.</summary>
internal sealed record Logic(LogicOp Op, Expr Left, Expr Right) : Expr;

/// <summary>Boolean negation.</summary>
internal sealed record Not(Expr Operand) : Expr;

/// <summary>The piecewise <c>c ? a : b</c>.</summary>
internal sealed record If(Expr Condition, Expr Then, Expr Else) : Expr;

/// <summary><c>var name = value;</c> scoped over <paramref name="Body"/>.</summary>
internal sealed record Let(string Name, Expr Value, Expr Body) : Expr;

/// <summary>A call to another activation, identified by <see cref="Target"/>; inlined before the calculus.</summary>
internal sealed record Apply(string Target, EquatableArray<Expr> Args) : Expr;
