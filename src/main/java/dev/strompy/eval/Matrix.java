package dev.strompy.eval;

import java.util.Arrays;

/**
 * A dense matrix of doubles, stored row by row: {@code rows} × {@code cols} (each at least 1)
 * entries in {@code data}, which the matrix owns once handed in: it is neither copied on
 * construction nor by {@link #data()}, so callers must not modify it afterwards.
 */
public record Matrix(int rows, int cols, double[] data) implements Operand {
    /** @throws IllegalArgumentException if the sizes do not agree */
    public Matrix {
        if (rows < 1 || cols < 1 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("bad matrix: " + rows + "x" + cols + " with " + data.length + " entries");
        }
    }

    /** A 1x1 matrix. */
    public static Matrix scalar(double value) {
        return new Matrix(1, 1, new double[] {value});
    }

    /** The entry at row {@code i}, column {@code j} (both 0-based). */
    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** The entries as a fresh array of rows. */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** The shape as written in messages: {@code 4x3}. */
    public String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String kind() {
        return "a matrix";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toRows());
    }
}
