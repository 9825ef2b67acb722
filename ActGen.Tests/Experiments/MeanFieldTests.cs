using System;
using ActGen.Experiments.Theory;
using Xunit;

namespace ActGen.Tests.Experiments;

public class MeanFieldTests
{
    private static double Relu(double x) => x > 0 ? x : 0;
    private static double ReluDerivative(double x) => x > 0 ? 1 : 0;
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
    private static double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));
    private static double TanhDerivative(double x) => 1 - Math.Tanh(x) * Math.Tanh(x);

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(7.0)]
    public void ReluWithHeInitIsCriticalWhateverTheInputVariance(double q0)
    {
        var sigmaW2 = new HeInit(WeightDistribution.Normal).SigmaW2(64, 64);
        var p = MeanField.Predict(Relu, ReluDerivative, sigmaW2, 0, q0: q0);
        Assert.True(p.Converged);
        Assert.Equal(q0, p.QStar, 12);
        Assert.Equal(1.0, p.Chi1, 12);
        Assert.Equal(0.0, p.PredictedDecayPerLayer, 12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(1.8)]
    public void LinearActivationGivesChiEqualToSigmaW2(double sigmaW2)
    {
        var p = MeanField.Predict(x => x, _ => 1, sigmaW2, 0);
        Assert.Equal(sigmaW2, p.Chi1, 12);
        Assert.Equal(-Math.Log10(sigmaW2) / 2, p.PredictedDecayPerLayer, 12);
    }

    [Fact]
    public void LinearActivationWithBiasSettlesAtTheGeometricFixedPoint()
    {
        var p = MeanField.Predict(x => x, _ => 1, 0.5, 0.2);
        Assert.True(p.Converged);
        Assert.Equal(0.4, p.QStar, 9); // q = 0.5 q + 0.2
    }

    [Fact]
    public void ExplodingLinearVarianceIsReportedAsNotConverged()
    {
        var p = MeanField.Predict(x => x, _ => 1, 2.0, 0);
        Assert.False(p.Converged);
        Assert.Equal(2.0, p.Chi1, 12);
    }

    [Fact]
    public void SigmoidWithGlorotVanishesFasterThanASixthOfADecadePerLayer()
    {
        var p = MeanField.Predict(Sigmoid, SigmoidDerivative, new GlorotInit(WeightDistribution.Uniform).SigmaW2(32, 32), 0);
        Assert.True(p.Converged);
        Assert.Equal(p.QStar, MeanField.VarianceMap(Sigmoid, p.QStar, 1, 0, GaussHermite.Default), 9);
        Assert.True(p.QStar > 0.25, "sigmoid's mean of 1/2 keeps q* above 1/4");
        Assert.InRange(p.Chi1, 0.01, 1.0 / 16);           // σ′ ≤ 1/4
        Assert.True(p.PredictedDecayPerLayer > Math.Log10(16) / 2);
    }

    [Fact]
    public void TanhOrderedPhaseCollapsesToZeroWithChiEqualToSigmaW2()
    {
        var p = MeanField.Predict(Math.Tanh, TanhDerivative, 0.5, 0);
        Assert.True(p.Converged);
        Assert.True(p.QStar < 1e-9);
        Assert.Equal(0.5, p.Chi1, 6);
    }

    [Fact]
    public void TanhAtTheCriticalPointNeitherVanishesNorExplodes()
    {
        var p = MeanField.Predict(Math.Tanh, TanhDerivative, 1.0, 0);
        Assert.InRange(p.Chi1, 0.99, 1.0);
        Assert.InRange(p.PredictedDecayPerLayer, 0, 0.003);
    }

    [Fact]
    public void TanhChaoticPhaseHasAPositiveFixedPointAndChiAboveOne()
    {
        var p = MeanField.Predict(Math.Tanh, TanhDerivative, 2.0, 0);
        Assert.True(p.Converged);
        Assert.InRange(p.QStar, 0.1, 2.0);
        Assert.True(p.Chi1 > 1);
        Assert.True(p.PredictedDecayPerLayer < 0, "exploding gradients have negative decay");
    }
}
