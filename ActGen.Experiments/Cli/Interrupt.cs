namespace ActGen.Experiments.Cli;

/// <summary>What an interrupted sweep prints.</summary>
public static class Interrupt
{
    /// <summary>The terminal sequence that shows the cursor again (the progress bar hides it).</summary>
    public const string ShowCursor = "\u001b[?25h";

    public static string Message(int done, int before, string outDir) =>
        $"Interrupted: {done + before} finished runs are kept in {outDir} ({done} from this session); the run in progress was " +
        "dropped. Run the same command again to resume.";
}
