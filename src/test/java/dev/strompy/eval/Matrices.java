package dev.strompy.eval;

/** Matrices written as rows, for the tests. */
final class Matrices {
    private Matrices() {
    }

    /** A matrix from rows of equal length; the rows are copied. */
    static Matrix of(double[]... rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column");
        }
        int cols = rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("ragged rows");
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Matrix(rows.length, cols, data);
    }
}
