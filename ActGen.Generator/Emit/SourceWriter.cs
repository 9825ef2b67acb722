using System;
using System.Text;

namespace ActGen.Generator.Emit;

/// <summary>A minimal indented text writer (LF line endings, four spaces per level).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4);
        }

        builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Lines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header).Line("{");
        depth++;
        return this;
    }

    /// <summary>Indents without braces (for the TorchScript programs, which are Python).</summary>
    public SourceWriter Indent()
    {
        depth++;
        return this;
    }

    public SourceWriter Dedent()
    {
        depth--;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        depth--;
        return Line("}" + suffix);
    }

    public SourceWriter Block(string header, Action<SourceWriter> body)
    {
        Open(header);
        body(this);
        return Close();
    }

    public override string ToString() => builder.ToString();
}
