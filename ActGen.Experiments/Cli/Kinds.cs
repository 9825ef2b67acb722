namespace ActGen.Experiments.Cli;

/// <summary>The data sets a sweep can train on.</summary>
public enum DatasetKind { Circles, Moons, Spirals, Mnist }

/// <summary>The optimisers a sweep can train with.</summary>
public enum OptimizerKind { Sgd, Adam, Rmsprop }

/// <summary>Where tensors live: auto picks CUDA when available.</summary>
public enum DeviceKind { Auto, Cpu, Cuda }

/// <summary>The network's output: a softmax over classes with cross-entropy, or one sigmoid unit with binary cross-entropy.</summary>
public enum HeadKind { Softmax, SigmoidBce }

/// <summary>
/// Which rows a measurement's backward pass sees: a fixed batch (the first <c>--batch</c> training rows, the same at
/// every step, so steps compare) or the training batch of the current step (what TensorFlow summaries log).
/// </summary>
public enum MeasureOn { FixedBatch, CurrentBatch }
