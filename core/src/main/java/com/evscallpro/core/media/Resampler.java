package com.evscallpro.core.media;

/**
 * Sample-rate conversion by band-limited interpolation: every output sample is the input convolved with a
 * Blackman-windowed sinc low-pass centred on the output instant (16 zero crossings each side). The cut-off is 90 % of
 * the lower Nyquist frequency, so a downsampled signal loses what it could not represent (no aliasing: a 6 kHz tone
 * does not come back as 2 kHz at 8 kHz) and keeps what it can at unity gain. The kernel is tabulated finely and
 * interpolated linearly. The JDK's converters change encodings, not rates: this is why this class exists.
 */
public final class Resampler {

    static final int ZERO_CROSSINGS = 16;
    static final double CUTOFF = 0.9;
    /** Kernel table points per input sample. */
    private static final int RESOLUTION = 512;

    private Resampler() {
    }

    /** The signal {@code in} sampled at {@code fromRate} Hz, resampled to {@code toRate} Hz. */
    public static double[] resample(double[] in, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return in.clone();
        }
        // cut-off in cycles per input sample
        double fc = CUTOFF * 0.5 * Math.min(fromRate, toRate) / fromRate;
        double halfWidth = ZERO_CROSSINGS / (2 * fc); // in input samples
        double[] table = kernel(fc, halfWidth);
        int outLength = (int) ((long) in.length * toRate / fromRate);
        double[] out = new double[outLength];
        double step = (double) fromRate / toRate;
        for (int n = 0; n < outLength; n++) {
            double t = n * step;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int last = Math.min(in.length - 1, (int) Math.floor(t + halfWidth));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                double pos = Math.abs(t - k) * RESOLUTION;
                int i = (int) pos;
                if (i + 1 < table.length) {
                    double frac = pos - i;
                    sum += in[k] * (table[i] + frac * (table[i + 1] - table[i]));
                }
            }
            out[n] = sum;
        }
        return out;
    }

    /** h(u) = 2fc·sinc(2fc·u)·blackman(u / halfWidth) for u = 0, 1/RESOLUTION … halfWidth. */
    private static double[] kernel(double fc, double halfWidth) {
        int size = (int) Math.ceil(halfWidth * RESOLUTION) + 2;
        double[] table = new double[size];
        for (int i = 0; i < size; i++) {
            double u = (double) i / RESOLUTION;
            if (u >= halfWidth) {
                table[i] = 0;
                continue;
            }
            double x = 2 * fc * u;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double w = u / halfWidth;
            double blackman = 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
            table[i] = 2 * fc * sinc * blackman;
        }
        return table;
    }
}
