using System;

namespace ActGen;

/// <summary>TorchSharp's native libraries could not be made loadable on this host; the message says why and what to do.</summary>
public sealed class TorchSetupException : Exception
{
    public TorchSetupException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
