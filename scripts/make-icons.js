/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a green sheet with table lines and a
 * check mark. Plain Node (zlib), so the icons can be remade on any machine: `node scripts/make-icons.js`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at a point of the unit square (0..1): RGBA or null for transparent. */
function shade(u, v) {
  const r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r),
    cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r || u < 0 || v < 0 || u > 1 || v > 1) return null;
  if (
    distToSegment(u, v, 0.28, 0.55, 0.44, 0.71) < 0.075 ||
    distToSegment(u, v, 0.44, 0.71, 0.76, 0.32) < 0.075
  )
    return [255, 255, 255, 255];
  const line =
    (Math.abs(v - 0.3) < 0.018 || Math.abs(u - 0.3) < 0.018) && u > 0.1 && v > 0.1 && u < 0.9 && v < 0.9;
  return line ? [134, 191, 160, 255] : [16, 124, 65, 255];
}

for (const size of [16, 32, 64, 80]) {
  const S = 4; // supersampling for smooth edges
  const data = png(size, (x, y) => {
    let acc = [0, 0, 0, 0];
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const c = shade((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
        if (c) acc = acc.map((a, k) => a + (k < 3 ? c[k] * c[3] : c[3]));
      }
    const alpha = acc[3] / (S * S);
    return alpha === 0
      ? [0, 0, 0, 0]
      : [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], alpha].map(Math.round);
  });
  fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), data);
}
console.log('icons written to assets/');
