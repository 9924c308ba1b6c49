/**
 * The page as a reader of the printed page sees it: PDF user space mapped to "viewport" coordinates (points,
 * origin top-left of the visible box, y downwards, the page's /Rotate applied), the coordinates the layout engine
 * reads. The formula is pdf.js's PageViewport at scale 1, so both backends place text identically.
 */
export type Matrix = [number, number, number, number, number, number];

export interface Viewport {
  width: number;
  height: number;
  /** User space → viewport. */
  transform: Matrix;
  /** The visible box (crop box ∩ media box) in user space: x0, y0, x1, y1. */
  box: [number, number, number, number];
}

/** Viewport of a page whose visible box is `box` (user space) and whose /Rotate is `rotation` degrees. */
export function viewportOf(box: [number, number, number, number], rotation: number): Viewport {
  const [x0, y0, x1, y1] = box;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const r = ((rotation % 360) + 360) % 360;
  const [a, b, c, d] = r === 90 ? [0, 1, 1, 0] : r === 180 ? [-1, 0, 0, 1] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  const swapped = a === 0;
  const offX = swapped ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const offY = swapped ? Math.abs(cx - x0) : Math.abs(cy - y0);
  return {
    width: swapped ? h : w,
    height: swapped ? w : h,
    transform: [a, b, c, d, offX - a * cx - c * cy, offY - b * cx - d * cy],
    box,
  };
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** m1 then m2 (PDF's row-vector convention: a point goes through m1 first). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}
