//! The stronger baseline, the article's approach: items `{"lhs": {"d": [...], "n": COLS}, "op":
//! [{"code": NAME, "rhs": {"d": [...], "n": COLS}}, ...]}` read by serde_json straight into flat
//! row-major buffers (no allocation per row), a `StreamDeserializer` over slices of whole lines
//! read 1 MB at a time (serde_json reads a slice far faster than an `io::Read`), the bench's ops
//! (dot, add, mul, transpose) in plain loops, numbers written with ryu (what serde_json writes
//! floats with), one result per line. It knows nothing else: a bad item panics.

use serde::Deserialize;
use serde_json::Deserializer;
use std::io::{self, BufWriter, Read, Write};

#[derive(Deserialize)]
struct Matrix {
    d: Vec<f64>,
    n: usize,
}

#[derive(Deserialize)]
struct Op {
    code: String,
    rhs: Option<Matrix>,
}

#[derive(Deserialize)]
struct Item {
    lhs: Matrix,
    op: Vec<Op>,
}

fn rows(m: &Matrix) -> usize {
    if m.n == 0 { 0 } else { m.d.len() / m.n }
}

fn apply(a: Matrix, op: Op) -> Matrix {
    match op.code.as_str() {
        "transpose" => {
            let (r, c) = (rows(&a), a.n);
            let mut d = vec![0.0; a.d.len()];
            for i in 0..r {
                for j in 0..c {
                    d[j * r + i] = a.d[i * c + j];
                }
            }
            Matrix { d, n: r }
        }
        "dot" => {
            let b = op.rhs.expect("rhs");
            let s: f64 = a.d.iter().zip(&b.d).map(|(x, y)| x * y).sum();
            Matrix { d: vec![s], n: 1 }
        }
        "add" => {
            let b = op.rhs.expect("rhs");
            let d = a.d.iter().zip(&b.d).map(|(x, y)| x + y).collect();
            Matrix { d, n: a.n }
        }
        "mul" => {
            let b = op.rhs.expect("rhs");
            let (r, k, c) = (rows(&a), a.n, b.n);
            let mut d = vec![0.0; r * c];
            for i in 0..r {
                for p in 0..k {
                    let x = a.d[i * k + p];
                    let row = &b.d[p * c..(p + 1) * c];
                    let out = &mut d[i * c..(i + 1) * c];
                    for j in 0..c {
                        out[j] += x * row[j];
                    }
                }
            }
            Matrix { d, n: c }
        }
        other => panic!("op {} is not in the baseline", other),
    }
}

fn write_matrix(out: &mut impl Write, m: &Matrix, numbers: &mut ryu::Buffer) {
    out.write_all(b"[").unwrap();
    for (i, row) in m.d.chunks(m.n.max(1)).enumerate() {
        out.write_all(if i == 0 { b"[" } else { b",[" }).unwrap();
        for (j, x) in row.iter().enumerate() {
            if j > 0 {
                out.write_all(b",").unwrap();
            }
            out.write_all(numbers.format(*x).as_bytes()).unwrap();
        }
        out.write_all(b"]").unwrap();
    }
    out.write_all(b"]\n").unwrap();
}

fn main() {
    let mut input: Box<dyn Read> = match std::env::args().nth(1) {
        Some(p) => Box::new(std::fs::File::open(p).expect("open")),
        None => Box::new(io::stdin().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut numbers = ryu::Buffer::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut have = 0;
    loop {
        if have == buf.len() {
            buf.resize(buf.len() * 2, 0); // a line longer than the buffer
        }
        let n = input.read(&mut buf[have..]).expect("read");
        have += n;
        // Whole lines only; at the end of input, everything.
        let end = if n == 0 { have } else { buf[..have].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) };
        for item in Deserializer::from_slice(&buf[..end]).into_iter::<Item>() {
            let item = item.expect("an item");
            let mut m = item.lhs;
            for op in item.op {
                m = apply(m, op);
            }
            write_matrix(&mut out, &m, &mut numbers);
        }
        buf.copy_within(end..have, 0);
        have -= end;
        if n == 0 {
            break;
        }
    }
    out.flush().unwrap();
}
