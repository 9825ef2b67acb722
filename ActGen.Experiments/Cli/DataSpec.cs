namespace ActGen.Experiments.Cli;

/// <summary>
/// Which data and how much: synthetic sets draw <see cref="Samples"/> points with Gaussian <see cref="Noise"/>
/// (circles also use the inner radius <see cref="Factor"/>) and hold out <see cref="TestFraction"/> (0: none, and the
/// "test" accuracy is then the training set's);
/// MNIST reads its IDX files from <see cref="Directory"/> and keeps its own test set.
/// </summary>
public sealed record DataSpec(
    DatasetKind Kind, int Samples = 1000, double Noise = 0.1, double Factor = 0.5, double TestFraction = 0.3,
    string Directory = "data");
