//! The baseline strompy is measured against: serde_json's `StreamDeserializer` reading a
//! sequence of items `{"lhs": [[...], ...], "op": [{"code": NAME, "rhs": [[...], ...]}, ...]}`
//! into typed structs, and the ops bench's workloads use (dot, add, mul, transpose) done in
//! plain loops, one result per line. It knows nothing else: a bad item panics.

use serde::Deserialize;
use serde_json::Deserializer;
use std::io::{self, BufReader, BufWriter, Read, Write};

#[derive(Deserialize)]
struct Item {
    lhs: Vec<Vec<f64>>,
    op: Vec<Op>,
}

#[derive(Deserialize)]
struct Op {
    code: String,
    rhs: Option<Vec<Vec<f64>>>,
}

struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>, // row-major
}

fn matrix(rows: Vec<Vec<f64>>) -> Matrix {
    let cols = rows[0].len();
    let n = rows.len();
    Matrix { rows: n, cols, data: rows.into_iter().flatten().collect() }
}

fn apply(a: Matrix, op: Op) -> Matrix {
    match op.code.as_str() {
        "transpose" => {
            let mut data = vec![0.0; a.data.len()];
            for i in 0..a.rows {
                for j in 0..a.cols {
                    data[j * a.rows + i] = a.data[i * a.cols + j];
                }
            }
            Matrix { rows: a.cols, cols: a.rows, data }
        }
        "dot" => {
            let b = matrix(op.rhs.expect("rhs"));
            let s: f64 = a.data.iter().zip(&b.data).map(|(x, y)| x * y).sum();
            Matrix { rows: 1, cols: 1, data: vec![s] }
        }
        "add" => {
            let b = matrix(op.rhs.expect("rhs"));
            let data = a.data.iter().zip(&b.data).map(|(x, y)| x + y).collect();
            Matrix { rows: a.rows, cols: a.cols, data }
        }
        "mul" => {
            let b = matrix(op.rhs.expect("rhs"));
            let mut data = vec![0.0; a.rows * b.cols];
            for i in 0..a.rows {
                for k in 0..a.cols {
                    let x = a.data[i * a.cols + k];
                    for j in 0..b.cols {
                        data[i * b.cols + j] += x * b.data[k * b.cols + j];
                    }
                }
            }
            Matrix { rows: a.rows, cols: b.cols, data }
        }
        other => panic!("op {} is not in the baseline", other),
    }
}

fn main() {
    let input: Box<dyn Read> = match std::env::args().nth(1) {
        Some(p) => Box::new(std::fs::File::open(p).expect("open")),
        None => Box::new(io::stdin().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    for item in Deserializer::from_reader(BufReader::with_capacity(1 << 16, input)).into_iter::<Item>() {
        let item = item.expect("an item");
        let mut m = matrix(item.lhs);
        for op in item.op {
            m = apply(m, op);
        }
        out.write_all(b"[").unwrap();
        for i in 0..m.rows {
            out.write_all(if i == 0 { b"[" } else { b",[" }).unwrap();
            for j in 0..m.cols {
                if j > 0 {
                    out.write_all(b",").unwrap();
                }
                write!(out, "{:?}", m.data[i * m.cols + j]).unwrap();
            }
            out.write_all(b"]").unwrap();
        }
        out.write_all(b"]\n").unwrap();
    }
    out.flush().unwrap();
}
