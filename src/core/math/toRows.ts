/** The rows of a flat row-major `rows` × `cols` buffer as fresh `number[][]`. */
export function toRows(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out = new Array<number[]>(rows);
  for (let i = 0; i < rows; i++) {
    const row = new Array<number>(cols);
    const off = i * cols;
    for (let j = 0; j < cols; j++) row[j] = data[off + j];
    out[i] = row;
  }
  return out;
}
