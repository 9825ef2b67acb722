namespace ActGen.Cuda;

/// <summary>Something native that was found and works, or why not: the reason becomes the fallback's logged line.</summary>
internal abstract record Probe<T>
{
    private Probe()
    {
    }

    public sealed record Found(T Value) : Probe<T>;

    public sealed record Missing(string Why) : Probe<T>;

    public static Probe<T> No(string why) => new Missing(why);

    /// <summary>The next step on what was found; a missing piece stays missing, with its reason.</summary>
    public Probe<TNext> Then<TNext>(System.Func<T, Probe<TNext>> next) => this switch
    {
        Found f => next(f.Value),
        Missing m => Probe<TNext>.No(m.Why),
        _ => throw new System.InvalidOperationException($"unknown probe {this}"),
    };
}
