using MathNet.Numerics.Distributions;

namespace Valfard.Domain.Statistics;

/// <summary>
/// A two-sided confidence level and its normal quantile z = Φ⁻¹(1 − α/2). The two levels Valfard uses are 95 %
/// (z = 1.959963985) and 99.8 % (z = 3.090232306), the same as PHE's indicator methods and Fingertips.
/// </summary>
public sealed record ConfidenceLevel
{
    private ConfidenceLevel(double confidence, double z)
    {
        Confidence = confidence;
        Z = z;
    }

    /// <summary>95 %: z = qnorm(0.975) = 1.959963985…</summary>
    public static ConfidenceLevel Percent95 { get; } = FromConfidence(0.95);

    /// <summary>99.8 %: z = qnorm(0.999) = 3.090232306…</summary>
    public static ConfidenceLevel Percent998 { get; } = FromConfidence(0.998);

    /// <summary>The level as a fraction, e.g. 0.95.</summary>
    public double Confidence { get; }

    /// <summary>The two-sided normal quantile; +∞ for a confidence of 1.</summary>
    public double Z { get; }

    /// <summary>The probability in each tail, (1 − confidence) / 2.</summary>
    public double TailProbability => (1 - Confidence) / 2;

    /// <summary>A level from a fraction (0.95) or a per cent (95), between 0 and 1 or 100; 1 (100 %) gives limits 0 and ∞.</summary>
    public static ConfidenceLevel FromConfidence(double confidence)
    {
        if (confidence > 1 && confidence <= 100)
        {
            confidence /= 100;
        }
        if (!(confidence > 0 && confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be above 0 and at most 1 (or 100 %).");
        }
        var z = confidence == 1 ? double.PositiveInfinity : Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        return new ConfidenceLevel(confidence, z);
    }

    /// <summary>
    /// A level from a given z, for reproducing sources that round z (Fingertips uses 1.96 and 3.0902); the
    /// confidence is derived from it.
    /// </summary>
    public static ConfidenceLevel FromZ(double z)
    {
        if (!(z > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be positive.");
        }
        return new ConfidenceLevel(double.IsPositiveInfinity(z) ? 1 : (2 * Normal.CDF(0, 1, z)) - 1, z);
    }
}
